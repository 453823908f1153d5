using Mediator;
using Mediator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>
/// Middleware named by [UseMiddleware] on a handler: the innermost layer, around that handler only; explicit middleware
/// runs only where it is named (on a handler or on the assembly).
/// </summary>
public sealed class HandlerMiddlewareTests
{
    [Fact]
    public async Task Publish_runs_a_handlers_own_middleware_once_around_that_handler_only_inside_global_and_group()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new OrderPacked(4));

        // Handlers run by type name: OrderEventAudit, then PackingSlip. HandlerTimer's Order (-2000, set on the
        // [UseMiddleware]) puts it outside HandlerTrace (-1000) within the handler layer.
        Assert.Equal(
            new[]
            {
                "publish before",
                "global before", "group before", "audit OrderPacked 4", "group after", "global after",
                "global before", "group before", "timer before", "handler before", "slip 4", "handler after", "timer after", "group after", "global after",
                "publish after",
            },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task The_test_client_records_the_handler_middleware_under_its_handler_only()
    {
        using var client = Client();

        await client.Publish(new OrderPacked(1));

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(
            new[] { typeof(GlobalTrace<OrderPacked, Unit>), typeof(OrderGroupTrace<OrderPacked, Unit>) },
            Middlewares(record, typeof(OrderEventAudit)));
        Assert.Equal(
            new[] { typeof(GlobalTrace<OrderPacked, Unit>), typeof(OrderGroupTrace<OrderPacked, Unit>), typeof(HandlerTimer<OrderPacked, Unit>), typeof(HandlerTrace<OrderPacked, Unit>) },
            Middlewares(record, typeof(PackingSlip)));
        Assert.Equal(1, record.MiddlewareOrder.Count(t => t == typeof(HandlerTrace<OrderPacked, Unit>)));
    }

    [Fact]
    public async Task Send_runs_the_handlers_own_middleware_innermost_inside_message_middleware()
    {
        using var host = TestHost.Create();

        Assert.Equal(-7, await host.Mediator.Send(new Refund(7)));

        Assert.Equal(
            new[]
            {
                "global before", "billing group before", "refund message before", "handler before",
                "refund 7",
                "handler after", "refund message after", "billing group after", "global after",
            },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task A_stream_handlers_own_middleware_wraps_the_stream_inside_the_others()
    {
        using var host = TestHost.Create();

        var items = new List<int>();
        await foreach (var item in host.Mediator.CreateStream(new Countdown(2)))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 2, 1 }, items);
        Assert.Equal(
            new[]
            {
                "outer open", "inner open", "handler open",
                "handler item 2", "inner item 2", "outer item 2",
                "handler item 1", "inner item 1", "outer item 1",
                "handler end after 2", "inner end after 2", "outer end after 2",
            },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task Explicit_middleware_is_not_applied_where_it_is_not_named()
    {
        using var client = Client();

        await client.Send(new Charge(3));
        await client.Publish(new OrderPlaced(3));
        await foreach (var _ in client.CreateStream(new CountTo(1)))
        {
        }

        var explicitOnes = new[] { typeof(HandlerTrace<,>), typeof(HandlerTimer<,>), typeof(HandlerStreamTrace<,>), typeof(NeverNamedTrace<,>) };
        Assert.Equal(3, client.Dispatches.Count);
        Assert.All(client.Dispatches, record => Assert.DoesNotContain(
            record.MiddlewareOrder,
            t => t.IsGenericType && explicitOnes.Contains(t.GetGenericTypeDefinition())));
    }

    [Fact]
    public async Task An_explicit_middleware_named_by_the_assembly_wraps_every_message_its_constraints_fit()
    {
        using var host = TestHost.Create();

        Assert.Equal("a", await host.Mediator.Send(new Stamp("a")));
        await host.Mediator.Publish(new Stamped("b"));

        // NeverNamedTrace has the same constraints but is named nowhere: it wraps neither.
        Assert.Equal(
            new[] { "assembly-wide before", "stamp a", "assembly-wide after", "assembly-wide before", "stamped b", "assembly-wide after" },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task AddMediator_registers_the_handler_middleware_types()
    {
        var services = new ServiceCollection();
        services.AddMediator();

        Assert.Contains(services, d => d.ServiceType == typeof(HandlerTrace<OrderPacked, Unit>) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(HandlerTimer<OrderPacked, Unit>));
        Assert.Contains(services, d => d.ServiceType == typeof(HandlerTrace<Refund, int>));
        Assert.Contains(services, d => d.ServiceType == typeof(HandlerStreamTrace<Countdown, int>));
        Assert.DoesNotContain(services, d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(NeverNamedTrace<,>));
    }

    private static MediatorTestClient Client()
        => MediatorTestClient.Create(services =>
        {
            services.AddSingleton<Recorder>();
            services.AddSingleton<OutcomeProbe>();
            services.AddSingleton<StreamProbe>();
            services.AddMediator();
        });

    private static IEnumerable<Type> Middlewares(DispatchRecord record, Type handler)
        => record.StepsFor(handler).Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType);
}
