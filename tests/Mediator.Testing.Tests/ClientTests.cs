using Mediator.Testing.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Testing.Tests;

public sealed class ClientTests
{
    [Fact]
    public async Task Calls_made_on_the_mediator_directly_go_to_Unattributed()
    {
        using var client = Clients.Create();

        await client.Mediator.Send(new Ping(1));
        await client.Services.GetRequiredService<IMediator>().Publish(new Filtered());

        Assert.Empty(client.Dispatches);
        Assert.Equal(
            new[]
            {
                DispatchStep.Middleware(typeof(MiddlewareA<Ping, Pong>), typeof(Ping)),
                DispatchStep.Middleware(typeof(MiddlewareB<Ping, Pong>), typeof(Ping)),
                DispatchStep.Handler(typeof(PingHandler), typeof(Ping)),
                DispatchStep.Middleware(typeof(PublishLogging<Filtered>), typeof(Filtered)),
            },
            client.Unattributed.Steps);
        Assert.True(client.Unattributed.DroppedBeforeFanOut);
    }

    [Fact]
    public async Task Dispatches_are_listed_in_start_order_and_Clear_forgets_them()
    {
        using var client = Clients.Create();
        await client.Send(new Ping(1));
        await client.Send(new Command("a"));
        await client.Mediator.Send(new Ping(2));

        Assert.Equal(new[] { typeof(Ping), typeof(Command) }, client.Dispatches.Select(d => d.MessageType));
        Assert.Single(client.DispatchesOf<Ping>());
        Assert.Equal(2, client.DispatchesOf<IMessage>().Count);

        client.Clear();

        Assert.Empty(client.Dispatches);
        Assert.True(client.Unattributed.IsEmpty);
    }

    [Fact]
    public async Task The_client_replaces_a_registered_observer_without_changing_the_callers_collection()
    {
        var services = new ServiceCollection();
        FakeMediator.Register(services);
        services.AddSingleton<IDispatchObserver, SilentObserver>();

        using var client = new MediatorTestClient(services);
        await client.Send(new Ping(1));

        var observer = Assert.Single(client.Services.GetServices<IDispatchObserver>());
        Assert.IsNotType<SilentObserver>(observer);
        Assert.Equal(3, client.Dispatches[0].Steps.Count);
        Assert.Contains(services, d => d.ImplementationType == typeof(SilentObserver));
    }

    [Fact]
    public void Scopes_are_validated()
    {
        using var client = Clients.Create(services => services.AddScoped<ScopedThing>());

        Assert.Throws<InvalidOperationException>(() => client.Services.GetRequiredService<ScopedThing>());
        using var scope = client.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ScopedThing>());
    }

    [Fact]
    public void A_collection_without_a_mediator_is_refused_with_advice()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MediatorTestClient.Create(_ => { }));

        Assert.Contains("AddMediator()", error.Message);
    }

    [Fact]
    public async Task Disposing_the_client_disposes_the_provider_and_refuses_later_dispatches()
    {
        var client = Clients.Create(services => services.AddSingleton<DisposableThing>());
        var thing = client.Services.GetRequiredService<DisposableThing>();

        await client.DisposeAsync();

        Assert.True(thing.Disposed);
        Assert.Throws<ObjectDisposedException>(() => { _ = client.Send(new Ping(1)); });
    }

    [Fact]
    public void Dispose_disposes_the_provider()
    {
        var client = Clients.Create(services => services.AddSingleton<DisposableThing>());
        var thing = client.Services.GetRequiredService<DisposableThing>();

        client.Dispose();

        Assert.True(thing.Disposed);
    }

    private sealed class SilentObserver : IDispatchObserver
    {
        public void OnMiddleware(Type middlewareType, Type messageType, Type? handlerType)
        {
        }

        public void OnHandler(Type handlerType, Type messageType)
        {
        }

        public void OnNotificationOutcome(Type messageType, Type? handlerType, MessageOutcome outcome, int attempts, Exception? exception)
        {
        }
    }

    private sealed class ScopedThing;

    private sealed class DisposableThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
