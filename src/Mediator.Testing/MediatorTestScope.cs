using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Testing;

/// <summary>
/// One dependency-injection scope of a <see cref="MediatorTestClient"/>, held by the test: dispatches made through it
/// share the scope's instances (the <c>DbContext</c> a test arranges data in and asserts on, the scoped handlers and
/// middleware), and are recorded in the client's <see cref="MediatorTestClient.Dispatches"/> like any other.
/// Create it with <see cref="MediatorTestClient.CreateScope"/>; disposing it disposes the scope.
/// </summary>
public sealed class MediatorTestScope : IDisposable, IAsyncDisposable
{
    private readonly MediatorTestClient _client;
    private readonly AsyncServiceScope _scope;

    internal MediatorTestScope(MediatorTestClient client, AsyncServiceScope scope)
    {
        _client = client;
        _scope = scope;
        Mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
    }

    /// <summary>The scope's services: resolve what the test arranges or asserts on from here to see the dispatches' instances.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>The scope's mediator. Dispatches made on it directly are not recorded (they go to <see cref="MediatorTestClient.Unattributed"/>).</summary>
    public IMediator Mediator { get; }

    /// <summary>Sends a request in this scope and records it.</summary>
    /// <typeparam name="TResponse">The answer type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The handler's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _client.Recorded(_client.BeginInScope(request, DispatchMode.Send), Mediator, request, cancellationToken, static (m, r, c) => m.Send(r, c));
    }

    /// <summary>Sends a request that has no answer in this scope and records it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public ValueTask Send(IRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _client.RecordedWithoutAnswer(_client.BeginInScope(request, DispatchMode.Send), Mediator, request, cancellationToken, static (m, r, c) => m.Send(r, c));
    }

    /// <summary>Publishes a notification in this scope and records it.</summary>
    /// <typeparam name="TNotification">The notification's static type.</typeparam>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        return _client.RecordedWithoutAnswer(_client.BeginInScope(notification, DispatchMode.Publish), Mediator, notification, cancellationToken, static (m, n, c) => m.Publish(n, c));
    }

    /// <summary>Opens a stream in this scope and records it as <see cref="MediatorTestClient.CreateStream{TItem}"/> does.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="request">The stream request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The stream; enumerate it before the scope is disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public IAsyncEnumerable<TItem> CreateStream<TItem>(IStreamRequest<TItem> request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _client.CreateStreamCore(_client.BeginInScope(request, DispatchMode.Stream), Mediator, mediator => mediator.CreateStream(request, cancellationToken), null);
    }

    /// <summary>Sends a request whose type is known only at run time in this scope and records it (see <see cref="ISender.Send(object, CancellationToken)"/>).</summary>
    /// <param name="request">The request: an <see cref="IRequest{TResponse}"/> or <see cref="IRequest"/>.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The handler's answer, boxed; <see cref="Unit.Value"/> for a request without one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public ValueTask<object?> Send(object request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _client.Recorded(_client.BeginInScope(request, DispatchMode.Send), Mediator, request, cancellationToken, static (m, r, c) => m.Send(r, c));
    }

    /// <summary>Publishes a notification whose type is known only at run time in this scope and records it.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        return _client.RecordedWithoutAnswer(_client.BeginInScope(notification, DispatchMode.Publish), Mediator, notification, cancellationToken, static (m, n, c) => m.Publish(n, c));
    }

    /// <summary>Opens a stream whose request type is known only at run time in this scope and records it.</summary>
    /// <param name="request">The stream request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The stream, items boxed; enumerate it before the scope is disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _client.CreateStreamCore(_client.BeginInScope(request, DispatchMode.Stream), Mediator, mediator => mediator.CreateStream(request, cancellationToken), null);
    }

    /// <summary>Disposes the scope and the scoped services it created.</summary>
    public void Dispose() => _scope.Dispose();

    /// <summary>Disposes the scope and the scoped services it created, asynchronously.</summary>
    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
