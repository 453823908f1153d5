using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>The generated <c>AddCompiledRoutes()</c> (from <c>[assembly: RabbitMqRoute]</c>, see CompiledRoutes.cs) in both
/// apps: the route and its JSON contract come from the compile-time table.</summary>
public sealed class CompiledRouteTests : IAsyncLifetime
{
    /// <summary>A fixed name (attribute arguments are constants); deleted after the test.</summary>
    public const string Exchange = "mediator-tests.compiled-orders";

    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = await Broker.ConnectAsync();
        _broker.AlsoDelete(Exchange);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Orders_published_on_the_compiled_route_reach_the_consumer()
    {
        var deliveries = new Deliveries();
        var consumerServices = new ServiceCollection();
        consumerServices.AddSingleton(deliveries);
        consumerServices.AddSingleton(new Trail());
        consumerServices.AddScoped<ScopeProbe>();
        consumerServices.AddMediator();
        consumerServices.AddMediatorRabbitMq(_broker.Uri, rabbit => rabbit
            .AddCompiledRoutes()
            .Consume(_broker.Queue, queue =>
            {
                queue.Subscribe<OrderPlaced>();
                _broker.Track(queue);
            }));
        await using var consumer = consumerServices.BuildServiceProvider();
        await Apps.StartAsync(consumer);

        var producerServices = new ServiceCollection();
        producerServices.AddSingleton(new Deliveries());
        producerServices.AddSingleton(new Trail());
        producerServices.AddScoped<ScopeProbe>();
        producerServices.AddMediator();
        producerServices.AddMediatorRabbitMq(_broker.Uri, rabbit => rabbit.AddCompiledRoutes());
        await using var producer = producerServices.BuildServiceProvider();

        var route = producer.GetRequiredService<RabbitMqRouteTable>().For<OrderPlaced>();
        Assert.Equal((Exchange, "order.placed", typeof(OrderPlaced).FullName), (route.Exchange, route.RoutingKey, route.Name));

        // Through the mediator: the compile-time route makes Publish send it (the generated hook, RabbitMqForwarding).
        await Apps.PublishAsync(producer, new OrderPlaced(11, Behaviour.Handle));
        await deliveries.WaitUntil(d => d.Handled.ContainsKey(11), "order 11 handled");
        await Apps.StopAsync(consumer);
    }
}
