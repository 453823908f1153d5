using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

[assembly: UseMiddleware(typeof(App.Payments.Correlation<,>), Order = -10)]

namespace App.Payments;

public sealed class Journal
{
    public List<string> Lines { get; } = new();
}

public interface ICardPayment
{
    string Card { get; }
}

public sealed record Charge(string Card, long Cents) : IRequest<string>, ICardPayment;

public sealed record Refund(string Receipt) : IRequest;

[Handler]
[UseMiddleware(typeof(Idempotency<,>), Order = 1)]
[UseMiddleware(typeof(FraudCheck<,>))]
public sealed class ChargeHandler(Journal journal) : IRequestHandler<Charge, string>
{
    public ValueTask<string> Handle(Charge request, CancellationToken cancellationToken)
    {
        journal.Lines.Add("charge");
        return new("r-" + request.Cents);
    }
}

[Handler]
public sealed class RefundHandler(Journal journal) : IRequestHandler<Refund>
{
    public ValueTask Handle(Refund request, CancellationToken cancellationToken)
    {
        journal.Lines.Add("refund " + request.Receipt);
        return default;
    }
}

/// <summary>Only where a handler names it.</summary>
[Middleware(Explicit = true)]
public sealed class Idempotency<TRequest, TResponse>(Journal journal) : IRequestMiddleware<TRequest, TResponse>
{
    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        journal.Lines.Add("idempotency");
        return next.InvokeAsync(request, context);
    }
}

[Middleware(Explicit = true, Order = 5)]
public sealed class FraudCheck<TRequest, TResponse>(Journal journal) : IRequestMiddleware<TRequest, TResponse>
    where TRequest : ICardPayment
{
    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        journal.Lines.Add("fraud " + request.Card);
        return next.InvokeAsync(request, context);
    }
}

/// <summary>Explicit, and added to every pipeline by the assembly attribute.</summary>
[Middleware(Explicit = true)]
public sealed class Correlation<TRequest, TResponse>(Journal journal) : IRequestMiddleware<TRequest, TResponse>
{
    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        journal.Lines.Add("correlation " + typeof(TRequest).Name);
        return next.InvokeAsync(request, context);
    }
}
