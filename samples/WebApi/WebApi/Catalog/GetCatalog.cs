using Mediator;
using Mediator.Caching;
using Microsoft.EntityFrameworkCore;
using WebApi.Data;

namespace WebApi.Catalog;

/// <summary>
/// The catalogue, for anyone. Its answer is the same whoever asks, and it says so: one answer is kept for every caller,
/// for a minute (a product added meanwhile shows up when it expires). Without <c>SharedAcrossCallers</c> each caller
/// would get an answer of its own, which is the safe default (see <see cref="Orders.GetMyOrders"/>).
/// </summary>
[Cache(DurationSeconds = 60, SharedAcrossCallers = true)]
public sealed record GetCatalog : IRequest<CatalogPage>;

/// <summary>The products on sale, by SKU.</summary>
public sealed record CatalogPage(IReadOnlyList<CatalogItem> Items);

/// <summary>One product on sale.</summary>
public sealed record CatalogItem(string Sku, string Name, decimal Price);

[Handler(Lifetime = ComponentLifetime.Scoped)]
internal sealed class GetCatalogHandler(ShopDb db) : IRequestHandler<GetCatalog, CatalogPage>
{
    public async ValueTask<CatalogPage> Handle(GetCatalog request, CancellationToken cancellationToken)
    {
        var items = await db.Products.AsNoTracking()
            .OrderBy(product => product.Sku)
            .Select(product => new CatalogItem(product.Sku, product.Name, product.Price))
            .ToListAsync(cancellationToken);
        return new CatalogPage(items);
    }
}
