using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Mediator.Internal;

/// <summary>
/// The request pipeline steps generated code writes for pre-processors, post-processors, exception handlers and
/// exception actions. Each takes the rest of the pipeline as a struct (<c>TNext</c>, specialised by the
/// JIT like a middleware's <c>next</c>) and stays on a synchronous path while everything completes synchronously: an
/// async state machine is entered only when a task is still pending, or on the failure path.
/// Not meant to be called from user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ProcessorSteps
{
    /// <summary>Runs <paramref name="processor"/>, then the rest of the pipeline.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="processor">The pre-processor.</param>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">The dispatch's context.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask<TResponse> PreProcess<TRequest, TResponse, TNext>(IRequestPreProcessor<TRequest> processor, TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        ValueTask pending = processor.Process(request, context.CancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitPreProcess<TRequest, TResponse, TNext>(pending, request, next, context);
        }

        // Observe the result so that a pooled IValueTaskSource is released.
        pending.GetAwaiter().GetResult();
        return next.InvokeAsync(request, context);
    }

    /// <summary>Runs the rest of the pipeline, then <paramref name="processor"/> with its answer.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="processor">The post-processor.</param>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">The dispatch's context.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask<TResponse> PostProcess<TRequest, TResponse, TNext>(IRequestPostProcessor<TRequest, TResponse> processor, TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        ValueTask<TResponse> inner = next.InvokeAsync(request, context);
        if (!inner.IsCompletedSuccessfully)
        {
            return AwaitThenPostProcess(inner, processor, request, context);
        }

        TResponse response = inner.Result;
        ValueTask pending = processor.Process(request, response, context.CancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return AwaitPostProcess(pending, response);
        }

        pending.GetAwaiter().GetResult();
        return new ValueTask<TResponse>(response);
    }

    /// <summary>
    /// Runs the rest of the pipeline; when it throws a <typeparamref name="TException"/>, lets <paramref name="handler"/>
    /// answer in its place, or rethrows the same exception when it does not.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <typeparam name="TException">The exception type the handler is written for.</typeparam>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="handler">The exception handler.</param>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">The dispatch's context.</param>
    public static ValueTask<TResponse> HandleException<TRequest, TResponse, TException, TNext>(IRequestExceptionHandler<TRequest, TResponse, TException> handler, TRequest request, TNext next, MessageContext context)
        where TException : Exception
        where TNext : struct, INext<TRequest, TResponse>
    {
        ValueTask<TResponse> inner = StartCatching<TRequest, TResponse, TException, TNext>(request, next, context);
        return inner.IsCompletedSuccessfully ? inner : AwaitAndHandle(inner, handler, request, context);
    }

    /// <summary>
    /// Runs the rest of the pipeline; when it throws a <typeparamref name="TException"/>, runs <paramref name="action"/>,
    /// then rethrows the same exception object with its stack trace.
    /// </summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <typeparam name="TException">The exception type the action is written for.</typeparam>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="action">The exception action.</param>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">The dispatch's context.</param>
    public static ValueTask<TResponse> ObserveException<TRequest, TResponse, TException, TNext>(IRequestExceptionAction<TRequest, TException> action, TRequest request, TNext next, MessageContext context)
        where TException : Exception
        where TNext : struct, INext<TRequest, TResponse>
    {
        ValueTask<TResponse> inner = StartCatching<TRequest, TResponse, TException, TNext>(request, next, context);
        return inner.IsCompletedSuccessfully ? inner : AwaitAndObserve(inner, action, request, context);
    }

    /// <summary>
    /// Starts the rest of the pipeline for an exception step. A <typeparamref name="TException"/> thrown before the inner
    /// pipeline returned a task (a synchronous handler or middleware) becomes a faulted task, so the step's one await
    /// sees every failure, and rethrows it with the stack trace it already has.
    /// </summary>
    private static ValueTask<TResponse> StartCatching<TRequest, TResponse, TException, TNext>(TRequest request, TNext next, MessageContext context)
        where TException : Exception
        where TNext : struct, INext<TRequest, TResponse>
    {
        try
        {
            return next.InvokeAsync(request, context);
        }
        catch (TException exception)
        {
            return new ValueTask<TResponse>(Task.FromException<TResponse>(exception));
        }
    }

    private static async ValueTask<TResponse> AwaitPreProcess<TRequest, TResponse, TNext>(ValueTask pending, TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        await pending.ConfigureAwait(false);
        return await next.InvokeAsync(request, context).ConfigureAwait(false);
    }

    private static async ValueTask<TResponse> AwaitThenPostProcess<TRequest, TResponse>(ValueTask<TResponse> inner, IRequestPostProcessor<TRequest, TResponse> processor, TRequest request, MessageContext context)
    {
        TResponse response = await inner.ConfigureAwait(false);
        await processor.Process(request, response, context.CancellationToken).ConfigureAwait(false);
        return response;
    }

    private static async ValueTask<TResponse> AwaitPostProcess<TResponse>(ValueTask pending, TResponse response)
    {
        await pending.ConfigureAwait(false);
        return response;
    }

    private static async ValueTask<TResponse> AwaitAndHandle<TRequest, TResponse, TException>(ValueTask<TResponse> inner, IRequestExceptionHandler<TRequest, TResponse, TException> handler, TRequest request, MessageContext context)
        where TException : Exception
    {
        try
        {
            return await inner.ConfigureAwait(false);
        }
        catch (TException exception)
        {
            RequestExceptionHandlerState<TResponse> state = new RequestExceptionHandlerState<TResponse>();
            await handler.Handle(request, exception, state, context.CancellationToken).ConfigureAwait(false);
            if (state.Handled)
            {
                return state.Response;
            }

            // 'throw;' after an await in a catch block is compiled to an ExceptionDispatchInfo rethrow: the same object,
            // its original stack trace kept.
            throw;
        }
    }

    private static async ValueTask<TResponse> AwaitAndObserve<TRequest, TResponse, TException>(ValueTask<TResponse> inner, IRequestExceptionAction<TRequest, TException> action, TRequest request, MessageContext context)
        where TException : Exception
    {
        try
        {
            return await inner.ConfigureAwait(false);
        }
        catch (TException exception)
        {
            await action.Execute(request, exception, context.CancellationToken).ConfigureAwait(false);
            throw;
        }
    }
}
