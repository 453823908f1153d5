using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WebApi.Catalog;

namespace WebApi.Tests;

/// <summary>The catalogue: public reads, and writes behind an ASP.NET Core policy and a validator that asks the database.</summary>
public sealed class CatalogTests
{
    private static object NewProduct(string sku, decimal price = 5.00m) => new { sku, name = "Oolong, 50 g", price, stock = 10 };

    [Fact]
    public async Task Anyone_reads_the_catalogue()
    {
        using var app = new ShopApp();

        var page = await app.ClientAs(null).GetFromJsonAsync<CatalogPage>("/catalog");

        Assert.Equal(["coffee", "mug", "tea"], page!.Items.Select(item => item.Sku));
        Assert.Equal(24.50m, page.Items[0].Price);
    }

    [Fact]
    public async Task A_catalogue_manager_adds_a_product()
    {
        using var app = new ShopApp();

        var response = await app.ClientAs("mia", roles: "manager").PostAsJsonAsync("/products", NewProduct("oolong"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new CatalogItem("oolong", "Oolong, 50 g", 5.00m), await response.Content.ReadFromJsonAsync<CatalogItem>());
        await using var db = app.Database();
        Assert.Equal(10, (await db.Products.SingleAsync(product => product.Sku == "oolong")).Stock);
    }

    [Fact]
    public async Task A_caller_the_policy_refuses_is_403_and_the_body_does_not_name_the_policy()
    {
        using var app = new ShopApp();

        var problem = await Problem.Read(await app.ClientAs("ann", roles: "customer").PostAsJsonAsync("/products", NewProduct("oolong")));

        problem.AssertProblem(403, "Forbidden");
        Assert.DoesNotContain("manager", problem.Body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        await using var db = app.Database();
        Assert.False(await db.Products.AnyAsync(product => product.Sku == "oolong"));
    }

    [Fact]
    public async Task An_anonymous_caller_is_401_before_any_policy()
    {
        using var app = new ShopApp();

        (await Problem.Read(await app.ClientAs(null).PostAsJsonAsync("/products", NewProduct("oolong")))).AssertProblem(401, "Unauthorized");
    }

    [Fact]
    public async Task A_taken_SKU_is_400_from_the_validator_that_asks_the_database_beside_the_synchronous_rules()
    {
        using var app = new ShopApp();

        var problem = await Problem.Read(await app.ClientAs("mia", roles: "manager").PostAsJsonAsync("/products", NewProduct("coffee", price: 0)));

        problem.AssertProblem(400, "One or more validation errors occurred.");
        Assert.Equal(["Sku", "Price"], problem.ErrorMembers());
        Assert.Equal(["A product with this SKU exists already."], problem.Errors("Sku"));
        Assert.Equal(["'Price' must be greater than '0'."], problem.Errors("Price"));
        await using var db = app.Database();
        Assert.Equal(24.50m, (await db.Products.SingleAsync(product => product.Sku == "coffee")).Price);
    }
}
