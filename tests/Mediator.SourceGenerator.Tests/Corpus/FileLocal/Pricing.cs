using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Pricing;

public sealed record Quote(string Product, int Quantity) : IRequest<Price>;

public readonly record struct Price(long Cents)
{
    public override string ToString() => $"{Cents / 100}.{Cents % 100:00}";
}

file static class PriceList
{
    private static readonly Dictionary<string, long> Cents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tea"] = 250,
        ["cake"] = 399,
    };

    public static long For(string product) => Cents.TryGetValue(product, out var cents) ? cents : 0;
}

file sealed class Discount(int threshold, int percent)
{
    public long Apply(long cents, int quantity) => quantity >= threshold ? cents * (100 - percent) / 100 : cents;
}

[Handler]
internal sealed class QuoteHandler : IRequestHandler<Quote, Price>
{
    public ValueTask<Price> Handle(Quote request, CancellationToken cancellationToken)
    {
        var discount = new Discount(threshold: 10, percent: 20);
        return new(new Price(discount.Apply(PriceList.For(request.Product) * request.Quantity, request.Quantity)));
    }
}
