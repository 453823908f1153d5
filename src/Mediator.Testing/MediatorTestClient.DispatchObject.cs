using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator.Testing.Recording;
using Microsoft.Extensions.DependencyInjection;

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

        return SendObjectInOwnScope(Begin(request, DispatchMode.Send), request, cancellationToken);
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

        return PublishObjectInOwnScope(Begin(notification, DispatchMode.Publish), notification, cancellationToken);
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

    private async ValueTask<object?> SendObjectInOwnScope(DispatchRecord record, object request, CancellationToken cancellationToken)
    {
        var scope = _provider.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await SendObjectCore(record, MediatorIn(scope.ServiceProvider, record), request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask PublishObjectInOwnScope(DispatchRecord record, object notification, CancellationToken cancellationToken)
    {
        var scope = _provider.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await PublishObjectCore(record, MediatorIn(scope.ServiceProvider, record), notification, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async ValueTask<object?> SendObjectCore(DispatchRecord record, IMediator mediator, object request, CancellationToken cancellationToken)
    {
        // An async method: the value set here flows into the pipeline and its continuations, never back to the caller.
        _recorder.Current = record;
        try
        {
            var response = await mediator.Send(request, cancellationToken).ConfigureAwait(false);
            record.Complete(response, null);
            return response;
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            throw;
        }
    }

    internal async ValueTask PublishObjectCore(DispatchRecord record, IMediator mediator, object notification, CancellationToken cancellationToken)
    {
        _recorder.Current = record;
        try
        {
            await mediator.Publish(notification, cancellationToken).ConfigureAwait(false);
            record.Complete(null, null);
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            throw;
        }
    }
}
