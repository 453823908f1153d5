using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator.Testing.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Testing;

/// <summary>
/// The dispatch methods: each records the dispatch, runs it on the real mediator in a scope of its own (disposed when the
/// dispatch ends; for a stream, when its enumeration ends), and rethrows what it throws. <see cref="MediatorTestScope"/>
/// dispatches in one scope the test holds instead.
/// </summary>
public sealed partial class MediatorTestClient
{
    /// <summary>Sends a request through the mediator and records it.</summary>
    /// <typeparam name="TResponse">The answer type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>The handler's answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <remarks>Whatever the mediator throws is recorded in <see cref="DispatchRecord.Exception"/> and rethrown.</remarks>
    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return InOwnScope(Begin(request, DispatchMode.Send), request, cancellationToken, static (m, r, c) => m.Send(r, c));
    }

    /// <summary>Sends a request that has no answer through the mediator and records it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <remarks>Whatever the mediator throws is recorded in <see cref="DispatchRecord.Exception"/> and rethrown.</remarks>
    public ValueTask Send(IRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return InOwnScopeWithoutAnswer(Begin(request, DispatchMode.Send), request, cancellationToken, static (m, r, c) => m.Send(r, c));
    }

    /// <summary>Publishes a notification through the mediator and records it, with each handler's outcome.</summary>
    /// <typeparam name="TNotification">The notification's static type.</typeparam>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <remarks>
    /// Whatever the mediator throws (a <see cref="PublishException"/> when handlers failed) is recorded in
    /// <see cref="DispatchRecord.Exception"/> and rethrown.
    /// </remarks>
    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        return InOwnScopeWithoutAnswer(Begin(notification, DispatchMode.Publish), notification, cancellationToken, static (m, n, c) => m.Publish(n, c));
    }

    /// <summary>Opens a stream through the mediator and records each item read, the exception that ends it, and its end.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="request">The stream request.</param>
    /// <param name="cancellationToken">Passed to the mediator.</param>
    /// <returns>
    /// The stream. The record is created now and completes when the enumeration ends, fails or is disposed; enumerate
    /// it once (a second enumeration would add to the same record).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public IAsyncEnumerable<TItem> CreateStream<TItem>(IStreamRequest<TItem> request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return CreateStreamInOwnScope(Begin(request, DispatchMode.Stream), mediator => mediator.CreateStream(request, cancellationToken));
    }

    /// <summary>Opens a stream with <paramref name="open"/> on the mediator of a scope of its own, disposed when the enumeration ends.</summary>
    private IAsyncEnumerable<TItem> CreateStreamInOwnScope<TItem>(DispatchRecord record, Func<IMediator, IAsyncEnumerable<TItem>> open)
    {
        var scope = _provider.CreateAsyncScope();
        IMediator mediator;
        try
        {
            mediator = MediatorIn(scope.ServiceProvider);
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            scope.Dispose();
            throw;
        }

        return CreateStreamCore(record, mediator, open, scope);
    }

    /// <summary>Opens the stream with <paramref name="open"/> on <paramref name="mediator"/> with the record current; <paramref name="scope"/>, if any, is disposed when it ends.</summary>
    internal IAsyncEnumerable<TItem> CreateStreamCore<TItem>(DispatchRecord record, IMediator mediator, Func<IMediator, IAsyncEnumerable<TItem>> open, IAsyncDisposable? scope)
    {
        var previous = _recorder.Current;
        IAsyncEnumerable<TItem> stream;
        try
        {
            // Not an async method: set the record for the call only, then give the caller its own value back.
            _recorder.Current = record;
            stream = open(mediator);
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            // CreateStream failed before any enumeration: nothing awaits this call, so the scope is disposed synchronously.
            (scope as IDisposable)?.Dispose();
            throw;
        }
        finally
        {
            _recorder.Current = previous;
        }

        return RecordedStream.Read(stream, record, _recorder, scope);
    }

    /// <summary>Runs <paramref name="dispatch"/> on the mediator of a scope of its own, disposed when it ends, and records it.</summary>
    private async ValueTask<TResult> InOwnScope<TMessage, TResult>(
        DispatchRecord record, TMessage message, CancellationToken cancellationToken, Func<IMediator, TMessage, CancellationToken, ValueTask<TResult>> dispatch)
    {
        var scope = _provider.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await Recorded(record, MediatorIn(scope.ServiceProvider, record), message, cancellationToken, dispatch).ConfigureAwait(false);
        }
    }

    /// <summary><see cref="InOwnScope"/> for a dispatch without an answer (a void request, a notification).</summary>
    private async ValueTask InOwnScopeWithoutAnswer<TMessage>(
        DispatchRecord record, TMessage message, CancellationToken cancellationToken, Func<IMediator, TMessage, CancellationToken, ValueTask> dispatch)
    {
        var scope = _provider.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await RecordedWithoutAnswer(record, MediatorIn(scope.ServiceProvider, record), message, cancellationToken, dispatch).ConfigureAwait(false);
        }
    }

    /// <summary>The mediator of a scope; a failure to resolve it completes the record with the exception.</summary>
    private static IMediator MediatorIn(IServiceProvider scope, DispatchRecord record)
    {
        try
        {
            return MediatorIn(scope);
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            throw;
        }
    }

    private static IMediator MediatorIn(IServiceProvider scope) => scope.GetRequiredService<IMediator>();

    /// <summary>
    /// Runs <paramref name="dispatch"/> (a static lambda naming the mediator's overload: no closure per call) with the record
    /// current, and completes the record with its answer or its exception, which is rethrown.
    /// </summary>
    internal async ValueTask<TResult> Recorded<TMessage, TResult>(
        DispatchRecord record, IMediator mediator, TMessage message, CancellationToken cancellationToken, Func<IMediator, TMessage, CancellationToken, ValueTask<TResult>> dispatch)
    {
        // An async method: the value set here flows into the pipeline and its continuations, never back to the caller.
        _recorder.Current = record;
        try
        {
            var result = await dispatch(mediator, message, cancellationToken).ConfigureAwait(false);
            record.Complete(result, null);
            return result;
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            throw;
        }
    }

    /// <summary><see cref="Recorded"/> for a dispatch without an answer.</summary>
    internal async ValueTask RecordedWithoutAnswer<TMessage>(
        DispatchRecord record, IMediator mediator, TMessage message, CancellationToken cancellationToken, Func<IMediator, TMessage, CancellationToken, ValueTask> dispatch)
    {
        _recorder.Current = record;
        try
        {
            await dispatch(mediator, message, cancellationToken).ConfigureAwait(false);
            record.Complete(null, null);
        }
        catch (Exception exception)
        {
            record.Complete(null, exception);
            throw;
        }
    }
}
