using Mediator;
using Mediator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>
/// The test client over pipelines with scoped handlers and middleware: each dispatch runs in a scope of its own, or in
/// one the test holds, and is recorded with its middleware and handler either way.
/// </summary>
public sealed class TestClientScopeTests
{
    private static readonly Type[] ProbeMiddleware = { typeof(ScopedProbeMiddleware<ScopedProbe, ScopeSightings>), typeof(SecondScopedProbeMiddleware<ScopedProbe, ScopeSightings>) };

    private static MediatorTestClient Client()
        => MediatorTestClient.Create(services =>
        {
            services.AddSingleton<Recorder>();
            services.AddScoped<ScopeMarker>();
            services.AddMediator();
        });

    [Fact]
    public async Task Each_dispatch_of_the_client_runs_in_a_scope_of_its_own_and_is_recorded()
    {
        await using var client = Client();

        var first = await client.Send(new ScopedProbe());
        var second = await client.Send(new ScopedProbe());

        Assert.NotSame(first.Handler, second.Handler);
        Assert.Same(first.HandlerMarker, first.MiddlewareMarker);
        Assert.True(first.HandlerMarker!.Disposed);
        Assert.Equal(2, client.Dispatches.Count);
        Assert.All(client.Dispatches, record =>
        {
            Assert.Equal(ProbeMiddleware, record.MiddlewareOrder);
            Assert.Equal(DispatchStep.Handler(typeof(ScopedProbeHandler), typeof(ScopedProbe)), record.Steps[^1]);
            Assert.Equal(MessageOutcome.Completed, record.Outcome);
        });
        Assert.Empty(client.Unattributed.Steps);
    }

    [Fact]
    public async Task Publish_and_streams_through_the_client_are_recorded_and_a_streams_scope_lives_until_it_ends()
    {
        await using var client = Client();
        var published = new ScopedProbeEvent();
        await client.Publish(published);

        var markers = new List<ScopeMarker>();
        await foreach (var marker in client.CreateStream(new ScopedProbeStream()))
        {
            Assert.False(marker.Disposed);
            markers.Add(marker);
        }

        Assert.Equal(2, markers.Count);
        Assert.True(markers[0].Disposed);
        Assert.True(published.Sightings.HandlerMarker!.Disposed);
        Assert.Equal(new[] { DispatchMode.Publish, DispatchMode.Stream }, client.Dispatches.Select(d => d.Mode));
        Assert.All(client.Dispatches, d => Assert.Contains(d.Steps, s => s.ComponentType == typeof(ScopedProbeHandler)));
        Assert.Empty(client.Unattributed.Steps);
    }

    [Fact]
    public async Task A_scope_the_test_holds_shares_its_instances_with_every_dispatch_made_through_it()
    {
        await using var client = Client();
        await using var scope = client.CreateScope();
        var marker = scope.Services.GetRequiredService<ScopeMarker>();

        var first = await scope.Send(new ScopedProbe());
        var second = await scope.Send(new ScopedProbe());

        Assert.Same(marker, first.HandlerMarker);
        Assert.Same(marker, first.MiddlewareMarker);
        Assert.Same(first.Handler, second.Handler);
        Assert.False(marker.Disposed);
        Assert.Equal(2, client.Dispatches.Count);
        Assert.All(client.Dispatches, record => Assert.Equal(ProbeMiddleware, record.MiddlewareOrder));
    }

    [Fact]
    public async Task The_clients_root_mediator_refuses_a_scoped_pipeline()
    {
        await using var client = Client();

        await Assert.ThrowsAsync<ScopeRequiredException>(async () => await client.Mediator.Send(new ScopedProbe()));
    }
}
