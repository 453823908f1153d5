using Mediator;

namespace Quickstart;

/// <summary>A query: asks for a greeting.</summary>
public sealed record Greet(string Name) : IRequest<string>;

/// <summary>A command with an answer; audited because it changes state.</summary>
public sealed record PlaceOrder(string Product, int Quantity) : IRequest<OrderId>, IAudited;

/// <summary>A command without an answer (no Unit in sight); audited too.</summary>
public sealed record CancelOrder(OrderId Id) : IRequest, IAudited;

/// <summary>The answer to <see cref="PlaceOrder"/>.</summary>
public readonly record struct OrderId(int Value);

/// <summary>Marks requests that change state: only they get the audit middleware.</summary>
public interface IAudited
{
}
