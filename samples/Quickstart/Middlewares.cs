using System.Diagnostics;
using Mediator;

namespace Quickstart;

/// <summary>Outermost: applies to every request (its only constraint is the request contract).</summary>
[Middleware(Order = 10)]
public sealed class TimingMiddleware<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        var started = Stopwatch.GetTimestamp();
        Trace.Write($"timing: start {typeof(TRequest).Name}");
        var response = await next.InvokeAsync(request, context);
        Trace.Write($"timing: {typeof(TRequest).Name} took {Stopwatch.GetElapsedTime(started).TotalMicroseconds:F0} µs");
        return response;
    }
}

/// <summary>Only for requests marked <see cref="IAudited"/>: the generic constraint decides, at compile time.</summary>
[Middleware(Order = 20)]
public sealed class AuditMiddleware<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IAudited
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        Trace.Write($"audit: {request}");
        var response = await next.InvokeAsync(request, context);
        Trace.Write($"audit: done -> {(typeof(TResponse) == typeof(Unit) ? "(no answer)" : response)}");
        return response;
    }
}

/// <summary>Innermost: checks the argument of one request type only (closed over PlaceOrder).</summary>
[Middleware(Order = 30)]
public sealed class QuantityCheckMiddleware : IRequestMiddleware<PlaceOrder, OrderId>
{
    public ValueTask<OrderId> InvokeAsync<TNext>(PlaceOrder request, TNext next, MessageContext context)
        where TNext : struct, INext<PlaceOrder, OrderId>
    {
        Trace.Write($"check: quantity {request.Quantity}");
        if (request.Quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "Quantity must be positive.");
        }

        return next.InvokeAsync(request, context);
    }
}
