using System.Data;
using Mediator;
using Mediator.Transactions;

namespace EfCoreTests;

/// <summary>Saves an order, then fails if asked to, after its row is written.</summary>
[Transactional]
public sealed record PlaceOrder(string Product, bool FailAfterSave = false) : IRequest<int>;

/// <summary>The same work without <c>[Transactional]</c>: the middleware must leave it alone.</summary>
public sealed record PlaceOrderWithoutTransaction(string Product, bool FailAfterSave = false) : IRequest<int>;

/// <summary>Saves its own order, then sends <see cref="PlaceOrder"/> for a second one from inside its handler.</summary>
[Transactional]
public sealed record PlaceTwoOrders(string First, string Second, bool FailSecond) : IRequest;

/// <summary>
/// Fails with <see cref="TransientFailure"/> on its first <see cref="FailingAttempts"/> attempts, each after writing a
/// row and leaving another added but unsaved; then saves <see cref="Product"/>.
/// </summary>
[Transactional]
public sealed record FlakyOrder(string Product, int FailingAttempts) : IRequest;

/// <summary>Asks for the strictest isolation level.</summary>
[Transactional(IsolationLevel = IsolationLevel.Serializable)]
public sealed record SerializableOrder(string Product) : IRequest;

/// <summary>Asks for the loosest isolation level SQLite knows.</summary>
[Transactional(IsolationLevel = IsolationLevel.ReadUncommitted)]
public sealed record ReadUncommittedOrder(string Product) : IRequest;

/// <summary>Saves an order, then cancels the send it is part of (the caller's token source travels in the message).</summary>
[Transactional]
public sealed record PlaceOrderThenCancel(string Product, CancellationTokenSource Caller) : IRequest;

/// <summary>Handled by a singleton that writes nothing: its pipeline is scoped only because the middleware is.</summary>
[Transactional]
public sealed record Ping : IRequest;
