using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator;

/// <summary>
/// An <see cref="IMediator"/> for callers that live outside any scope (hosted services, message consumers, timers):
/// each dispatch opens its own <see cref="AsyncServiceScope"/>, resolves the mediator from it, runs, and disposes the
/// scope when the dispatch ends (for a stream, when its enumeration ends). Scoped handlers and middleware therefore get
/// fresh instances per dispatch, as they would per request in ASP.NET Core.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddScopePerDispatchMediator()</c> and inject it by its class name, so that the choice
/// is visible where it is made; code that already runs in a scope should take <see cref="IMediator"/> instead and share
/// that scope. Opening a scope costs an allocation or two per dispatch, which a singleton pipeline does not need.
/// </remarks>
public sealed class ScopePerDispatchMediator : IMediator
{
    private readonly IServiceScopeFactory _scopes;

    /// <summary>Creates the mediator over <paramref name="scopes"/>.</summary>
    /// <param name="scopes">Creates the scope of each dispatch.</param>
    public ScopePerDispatchMediator(IServiceScopeFactory scopes)
        => _scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));

    /// <inheritdoc />
    public async ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await MediatorIn(scope).Send(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask Send(IRequest request, CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await MediatorIn(scope).Send(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        await using var scope = _scopes.CreateAsyncScope();
        await MediatorIn(scope).Publish(notification, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<TItem> CreateStream<TItem>(IStreamRequest<TItem> request, CancellationToken cancellationToken = default)
    {
        // Checked here, not at the first MoveNextAsync, as the generated mediator checks it.
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return Stream(request, cancellationToken);
    }

    private async IAsyncEnumerable<TItem> Stream<TItem>(IStreamRequest<TItem> request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The scope lives as long as the enumeration: the iterator's finally disposes it when the caller stops or finishes.
        await using var scope = _scopes.CreateAsyncScope();
        await foreach (var item in MediatorIn(scope).CreateStream(request, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <inheritdoc />
    public async ValueTask<object?> Send(object request, CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        return await MediatorIn(scope).Send(request, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await MediatorIn(scope).Publish(notification, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default)
    {
        // Checked here, not at the first MoveNextAsync, as the generated mediator checks it.
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return Stream(request, cancellationToken);
    }

    private async IAsyncEnumerable<object?> Stream(object request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await foreach (var item in MediatorIn(scope).CreateStream(request, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static IMediator MediatorIn(AsyncServiceScope scope)
        => scope.ServiceProvider.GetService<IMediator>() ?? throw new InvalidOperationException(
            "No IMediator is registered: call services.AddMediator() as well as services.AddScopePerDispatchMediator().");
}
