using FluentValidation;
using Mediator;
using Mediator.Authorization;
using Mediator.Transactions;
using Microsoft.EntityFrameworkCore;
using WebApi.Data;
using WebApi.Http;

namespace WebApi.Catalog;

/// <summary>
/// Adds a product to the catalogue. Only catalogue managers (the ASP.NET Core policy <see cref="ShopPolicies.CatalogManagers"/>,
/// the same one an endpoint's <c>RequireAuthorization</c> would use), in a transaction.
/// </summary>
[Authorize(Policy = ShopPolicies.CatalogManagers)]
[Transactional]
public sealed record AddProduct(string Sku, string Name, decimal Price, int Stock) : IRequest<CatalogItem>;

/// <summary>
/// FluentValidation rules of <see cref="AddProduct"/>: synchronous ones, and one that asks the request's database
/// whether the SKU is taken (the unique index would refuse it too, but as a 500 after the transaction began).
/// </summary>
public sealed class AddProductRules : AbstractValidator<AddProduct>
{
    /// <summary>Creates the rules over the request's context.</summary>
    /// <param name="db">The request's database.</param>
    public AddProductRules(ShopDb db)
    {
        RuleFor(product => product.Sku).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Matches("^[a-z0-9-]{1,32}$").WithMessage("Use 1 to 32 lower-case letters, digits or '-'.")
            .MustAsync(async (sku, cancellationToken) => !await db.Products.AnyAsync(product => product.Sku == sku, cancellationToken))
            .WithMessage("A product with this SKU exists already.");
        RuleFor(product => product.Name).NotEmpty().MaximumLength(100);
        RuleFor(product => product.Price).GreaterThan(0);
        RuleFor(product => product.Stock).GreaterThanOrEqualTo(0);
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
internal sealed class AddProductHandler(ShopDb db) : IRequestHandler<AddProduct, CatalogItem>
{
    public async ValueTask<CatalogItem> Handle(AddProduct request, CancellationToken cancellationToken)
    {
        db.Products.Add(new Product { Sku = request.Sku, Name = request.Name, Price = request.Price, Stock = request.Stock });
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogItem(request.Sku, request.Name, request.Price);
    }
}
