using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Testing;

/// <summary>
/// The dispatch methods for a message whose type is known only at run time (<see cref="ISender.Send(object, CancellationToken)"/>,
/// <see cref="IPublisher.Publish(object, CancellationToken)"/>, <see cref="ISender.CreateStream(object, CancellationToken)"/>),
/// so that a test of code ported from MediatR's object overloads records its dispatches like any other.
/// </summary>
public sealed partial class MediatorTestClient
{
    /// <summary>Sends a request whose type is known only at run time through the mediator and records it.</summary>
    /// <param name="request">The request: an <see cref="IRequest{TResponse}"/> or <see cref="IRequest"/>.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The handler's answer, boxed; <see cref="Unit.Value"/> for a request without one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <remarks>
    /// Whatever the mediator throws (<see cref="NotAMessageException"/> for an object that is not a request) is recorded in
    /// <see cref="DispatchRecord.Exception"/> and rethrown.
    /// </remarks>
    public ValueTask<object?> Send(object request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return InOwnScope(Begin(request, DispatchMode.Send), request, cancellationToken, static (m, r, c) => m.Send(r, c));
    }

    /// <summary>Publishes a notification whose type is known only at run time through the mediator and records it.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <remarks>Whatever the mediator throws is recorded in <see cref="DispatchRecord.Exception"/> and rethrown.</remarks>
    public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        return InOwnScopeWithoutAnswer(Begin(notification, DispatchMode.Publish), notification, cancellationToken, static (m, n, c) => m.Publish(n, c));
    }

    /// <summary>Opens a stream whose request type is known only at run time through the mediator and records it.</summary>
    /// <param name="request">The stream request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The stream, items boxed; the record completes when the enumeration ends, fails or is disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return CreateStreamInOwnScope(Begin(request, DispatchMode.Stream), mediator => mediator.CreateStream(request, cancellationToken));
    }
}
