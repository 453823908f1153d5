using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace WebApi.Tests;

/// <summary>POST /orders: a transactional command, through validation, authorization and the EF Core transaction.</summary>
public sealed class OrderTests
{
    [Fact]
    public async Task A_customer_places_an_order_it_is_saved_for_them_and_the_stock_is_taken()
    {
        using var app = new ShopApp();
        var before = await app.SnapshotAsync();

        var placed = await app.ClientAs("ann").PlaceAsync(("coffee", 2), ("tea", 1));

        Assert.Equal((2 * 24.50m) + 8.00m, placed.Total);
        var after = await app.SnapshotAsync();
        Assert.Equal(before.Orders + 1, after.Orders);
        Assert.Equal(before.OrderLines + 2, after.OrderLines);
        Assert.Equal(before.Stock["coffee"] - 2, after.Stock["coffee"]);
        Assert.Equal(before.Stock["tea"] - 1, after.Stock["tea"]);
        await using var db = app.Database();
        var order = await db.Orders.SingleAsync(o => o.Id == placed.OrderId);
        Assert.Equal("ann", order.Customer); // the caller the built-ins saw: the request's user
        Assert.Equal(app.Time.GetUtcNow(), order.PlacedAt);
    }

    [Fact]
    public async Task An_order_the_stock_cannot_serve_is_409_and_its_transaction_takes_back_every_write()
    {
        using var app = new ShopApp();
        var before = await app.SnapshotAsync();
        Assert.Equal(2, before.Stock["mug"]);

        // The handler saves the order and its lines, takes the coffee, then finds too few mugs and throws.
        var problem = await Problem.Read(await app.ClientAs("ann").PostAsJsonAsync("/orders", Requests.Order(("coffee", 2), ("mug", 3))));

        problem.AssertProblem(409, "Out of stock");
        Assert.Equal("There are fewer than 3 of 'mug' in stock. Nothing was ordered.", problem.Text("detail"));
        var after = await app.SnapshotAsync();
        Assert.Equal(before.Orders, after.Orders);
        Assert.Equal(before.OrderLines, after.OrderLines);
        Assert.Equal(before.Stock, after.Stock);

        // The control: the same order within the stock is written, so the rows above were written and rolled back.
        await app.ClientAs("ann").PlaceAsync(("coffee", 2), ("mug", 2));
        var served = await app.SnapshotAsync();
        Assert.Equal(before.Orders + 1, served.Orders);
        Assert.Equal(before.Stock["coffee"] - 2, served.Stock["coffee"]);
        Assert.Equal(0, served.Stock["mug"]);
    }

    [Fact]
    public async Task An_anonymous_caller_is_401_and_nothing_is_written()
    {
        using var app = new ShopApp();
        var before = await app.SnapshotAsync();

        var problem = await Problem.Read(await app.ClientAs(null).PostAsJsonAsync("/orders", Requests.Order(("coffee", 1))));

        problem.AssertProblem(401, "Unauthorized");
        Assert.Equal(before.Orders, (await app.SnapshotAsync()).Orders);
        (await Problem.Read(await app.ClientAs(null).GetAsync("/orders/mine"))).AssertProblem(401, "Unauthorized");
    }

    [Fact]
    public async Task An_invalid_order_is_400_with_every_error_by_member_including_the_rule_that_asks_the_database()
    {
        using var app = new ShopApp();
        var before = await app.SnapshotAsync();

        var response = await app.ClientAs("ann").PostAsJsonAsync("/orders", Requests.Order(("coffee", 0), ("caviar", 1)));

        var problem = await Problem.Read(response);
        problem.AssertProblem(400, "One or more validation errors occurred.");
        Assert.Equal(["Lines[0].Quantity", "Lines[1].Sku"], problem.ErrorMembers());
        Assert.Equal(["Order between 1 and 100 units."], problem.Errors("Lines[0].Quantity"));
        Assert.Equal(["No product has this SKU."], problem.Errors("Lines[1].Sku")); // MustAsync over the request's ShopDb
        Assert.Equal(before.Orders, (await app.SnapshotAsync()).Orders);

        var empty = await Problem.Read(await app.ClientAs("ann").PostAsJsonAsync("/orders", Requests.Order()));
        empty.AssertProblem(400, "One or more validation errors occurred.");
        Assert.Equal(["Order at least one product."], empty.Errors("Lines"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"lines\": \"lots\"}")]
    public async Task A_body_that_does_not_bind_is_a_400_problem_before_the_mediator(string body)
    {
        using var app = new ShopApp();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var problem = await Problem.Read(await app.ClientAs("ann").PostAsync("/orders", content));

        problem.AssertProblem(400, "Bad Request");
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var app = new ShopApp();

        var response = await app.ClientAs("ann").GetAsync("/orders/everyone");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        (await Problem.Read(response)).AssertProblem(404, "Not Found");
    }
}
