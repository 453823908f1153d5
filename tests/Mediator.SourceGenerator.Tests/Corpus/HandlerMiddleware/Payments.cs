using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
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

/// <summary>Kept for old clients; new code sends Charge.</summary>
[Obsolete("Send Charge instead")]
public sealed record LegacyCharge(string Card, int Cents) : IRequest<string>, ICardPayment;

/// <summary>Removed from the API: only code that is itself obsolete may still name it.</summary>
[Obsolete("Voids are refunds now", error: true)]
public sealed record VoidCharge(string Receipt) : IRequest;

/// <summary>A preview feature, under its own diagnostic ID.</summary>
[Experimental("PAY001")]
public sealed record SplitCharge(string Card, long[] Parts) : IRequest<string[]>, ICardPayment;

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

[Obsolete("Send Charge instead")]
[Handler]
public sealed class LegacyChargeHandler(Journal journal) : IRequestHandler<LegacyCharge, string>
{
    public ValueTask<string> Handle(LegacyCharge request, CancellationToken cancellationToken)
    {
        journal.Lines.Add("legacy");
        return new("l-" + request.Cents);
    }
}

[Obsolete("Voids are refunds now", error: true)]
[Handler]
public sealed class VoidChargeHandler(Journal journal) : IRequestHandler<VoidCharge>
{
    public ValueTask Handle(VoidCharge request, CancellationToken cancellationToken)
    {
        journal.Lines.Add("void " + request.Receipt);
        return default;
    }
}

[Experimental("PAY001")]
[Handler]
public sealed class SplitChargeHandler(Journal journal) : IRequestHandler<SplitCharge, string[]>
{
    public ValueTask<string[]> Handle(SplitCharge request, CancellationToken cancellationToken)
    {
        journal.Lines.Add("split " + request.Parts.Length);
        return new(Array.ConvertAll(request.Parts, p => "s-" + p));
    }
}

/// <summary>Masks card numbers in the journal; on its way out, and still around every card payment.</summary>
[Obsolete("The journal masks cards itself now")]
[Middleware(Order = 7)]
public sealed class CardMask<TRequest, TResponse>(Journal journal) : IRequestMiddleware<TRequest, TResponse>
    where TRequest : ICardPayment
{
    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        journal.Lines.Add("mask " + request.Card.Substring(request.Card.Length - 2));
        return next.InvokeAsync(request, context);
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
