using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Ordering.Domain;
using Xunit;

namespace Ordering.Application.Tests;

/// <summary>Application's handlers and middleware, through this project's mediator over the Application module.</summary>
public sealed class PlaceOrderTests : IAsyncLifetime
{
    private ServiceProvider _provider = null!;

    public Task InitializeAsync()
    {
        // AddMediator() is this test project's: it registers Application's module and maps ISender to a mediator that
        // reaches it. The store is the scoped one a test controls.
        _provider = new ServiceCollection()
            .AddMediator()
            .AddOrderingApplication()
            .AddScoped<RecordingOrderStore>()
            .AddScoped<IOrderStore>(services => services.GetRequiredService<RecordingOrderStore>())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _provider.DisposeAsync().AsTask();

    [Fact]
    public async Task A_placed_order_is_saved_once_and_its_event_reaches_the_sales_ledger()
    {
        await using var scope = _provider.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var confirmation = await sender.Send(new PlaceOrder("coffee", 2));

        Assert.Equal(new OrderConfirmation(101, "coffee", 2), confirmation);
        var store = scope.ServiceProvider.GetRequiredService<RecordingOrderStore>();
        Assert.Equal([("coffee", 2)], store.Saved);
        Assert.Equal(1, store.SaveCount);
        var report = await sender.Send(new GetSalesReport());
        Assert.Equal([new ProductSales("coffee", 2)], report.Lines);
    }

    [Theory]
    [InlineData("tea", 0, "Quantity must be between 1 and 100, not 0.")]
    [InlineData("tea", 101, "Quantity must be between 1 and 100, not 101.")]
    [InlineData(" ", 1, "Name a product.")]
    public async Task An_invalid_order_is_rejected_before_the_unit_of_work_and_the_handler(string product, int quantity, string reason)
    {
        await using var scope = _provider.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var rejected = await Assert.ThrowsAsync<OrderRejectedException>(() => sender.Send(new PlaceOrder(product, quantity)).AsTask());

        Assert.Equal(reason, rejected.Message);
        var store = scope.ServiceProvider.GetRequiredService<RecordingOrderStore>();
        Assert.Empty(store.Saved);
        Assert.Equal(0, store.SaveCount);
        Assert.Empty((await sender.Send(new GetSalesReport())).Lines);
    }

    [Fact]
    public async Task Each_scope_is_its_own_unit_of_work()
    {
        await using (var first = _provider.CreateAsyncScope())
        {
            await first.ServiceProvider.GetRequiredService<ISender>().Send(new PlaceOrder("coffee", 1));
        }

        await using var second = _provider.CreateAsyncScope();
        await second.ServiceProvider.GetRequiredService<ISender>().Send(new PlaceOrder("tea", 3));

        Assert.Equal([("tea", 3)], second.ServiceProvider.GetRequiredService<RecordingOrderStore>().Saved);
        var report = await second.ServiceProvider.GetRequiredService<ISender>().Send(new GetSalesReport());
        Assert.Equal([new ProductSales("coffee", 1), new ProductSales("tea", 3)], report.Lines);
    }

    [Fact]
    public async Task Placing_an_order_outside_a_scope_is_refused_rather_than_sharing_one_store()
    {
        var rootSender = _provider.GetRequiredService<ISender>();

        await Assert.ThrowsAsync<ScopeRequiredException>(() => rootSender.Send(new PlaceOrder("coffee", 1)).AsTask());
    }
}
