using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>
/// Scoped middleware and handlers: each dispatch sees the instances of the scope it was sent from, concurrent scopes
/// never share one, the root provider is refused with a message that says what to do, and
/// <see cref="ScopePerDispatchMediator"/> gives each dispatch a scope of its own.
/// </summary>
public sealed class ScopeTests
{
    private const int Scopes = 64;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Scoped_middleware_see_their_scope_and_64_concurrent_scopes_never_share_one(bool validateScopes)
    {
        using var host = TestHost.Create(validateScopes);

        var results = await Task.WhenAll(Enumerable.Range(0, Scopes).Select(async _ =>
        {
            await using var scope = host.Provider.CreateAsyncScope();
            var marker = scope.ServiceProvider.GetRequiredService<ScopeMarker>();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var first = await mediator.Send(new ScopedProbe());
            var again = await mediator.Send(new ScopedProbe());
            return (Marker: marker, First: first, Again: again);
        }));

        foreach (var (marker, first, again) in results)
        {
            // Every component got this scope's scoped service, and the same instances serve the scope's next dispatch.
            Assert.Same(marker, first.MiddlewareMarker);
            Assert.Same(marker, first.SecondMiddlewareMarker);
            Assert.Same(marker, first.HandlerMarker);
            Assert.Same(first.Middleware, again.Middleware);
            Assert.Same(first.SecondMiddleware, again.SecondMiddleware);
            Assert.Same(first.Handler, again.Handler);
        }

        Assert.Equal(Scopes, results.Select(r => r.First.Middleware).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(Scopes, results.Select(r => r.First.SecondMiddleware).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(Scopes, results.Select(r => r.First.Handler).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    [Fact]
    public async Task Publish_and_streams_resolve_scoped_components_from_the_callers_scope()
    {
        using var host = TestHost.Create(validateScopes: true);
        await using var scope = host.Provider.CreateAsyncScope();
        var marker = scope.ServiceProvider.GetRequiredService<ScopeMarker>();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var published = new ScopedProbeEvent();
        await mediator.Publish(published);
        var stream = new ScopedProbeStream();
        var items = new List<ScopeMarker>();
        await foreach (var item in mediator.CreateStream(stream))
        {
            items.Add(item);
        }

        Assert.Same(marker, published.Sightings.MiddlewareMarker);
        Assert.Same(marker, published.Sightings.HandlerMarker);
        Assert.Same(marker, stream.Sightings.MiddlewareMarker);
        Assert.All(items, i => Assert.Same(marker, i));
        Assert.Same(published.Sightings.Handler, stream.Sightings.Handler);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_scoped_pipeline_dispatched_from_the_root_provider_fails_and_says_what_to_do(bool validateScopes)
    {
        using var host = TestHost.Create(validateScopes);
        var root = host.Provider.GetRequiredService<IMediator>();

        var send = await Assert.ThrowsAsync<ScopeRequiredException>(async () => await root.Send(new ScopedProbe()));
        var publish = await Assert.ThrowsAsync<ScopeRequiredException>(async () => await root.Publish(new ScopedProbeEvent()));
        var stream = await Assert.ThrowsAsync<ScopeRequiredException>(async () =>
        {
            await foreach (var _ in root.CreateStream(new ScopedProbeStream()))
            {
            }
        });

        Assert.Equal(typeof(ScopedProbe), send.MessageType);
        Assert.Equal(typeof(ScopedProbeEvent), publish.MessageType);
        Assert.Equal(typeof(ScopedProbeStream), stream.MessageType);
        Assert.Equal(
            "The pipeline of 'ScopedProbe' has scoped components, but the mediator was resolved from the root service provider, "
            + "which has no scope. Resolve IMediator (ISender, IPublisher) from a scope: inject it into a request-scoped class, or create one "
            + "with IServiceScopeFactory.CreateAsyncScope() and resolve it from scope.ServiceProvider. For background callers (hosted services, "
            + "consumers), call services.AddScopePerDispatchMediator() and inject ScopePerDispatchMediator, which opens a scope for each dispatch.",
            send.Message);
    }

    [Fact]
    public async Task Singleton_and_transient_pipelines_still_run_from_the_root_provider()
    {
        using var host = TestHost.Create(validateScopes: true);
        var root = host.Provider.GetRequiredService<IMediator>();

        Assert.Equal(await root.Send(new WhoAmI()), await root.Send(new WhoAmI()));
        Assert.NotEqual(await root.Send(new WhoAmITransient()), await root.Send(new WhoAmITransient()));
    }

    [Fact]
    public async Task The_scope_per_dispatch_mediator_gives_each_dispatch_its_own_scope_and_disposes_it_after()
    {
        using var host = TestHost.Create(validateScopes: true, services => services.AddScopePerDispatchMediator());
        var mediator = host.Provider.GetRequiredService<ScopePerDispatchMediator>();

        var first = await mediator.Send(new ScopedProbe());
        var second = await mediator.Send(new ScopedProbe());
        var published = new ScopedProbeEvent();
        await mediator.Publish(published);

        Assert.NotSame(first.Handler, second.Handler);
        Assert.NotSame(first.Middleware, second.Middleware);
        Assert.NotSame(first.HandlerMarker, published.Sightings.HandlerMarker);
        Assert.Same(first.MiddlewareMarker, first.HandlerMarker);
        Assert.True(first.HandlerMarker!.Disposed);
        Assert.True(second.HandlerMarker!.Disposed);
        Assert.True(published.Sightings.HandlerMarker!.Disposed);
    }

    [Fact]
    public async Task The_scope_per_dispatch_mediator_keeps_a_streams_scope_until_its_enumeration_ends()
    {
        using var host = TestHost.Create(validateScopes: true, services => services.AddScopePerDispatchMediator());
        var mediator = host.Provider.GetRequiredService<ScopePerDispatchMediator>();

        var request = new ScopedProbeStream();
        var seenDuring = new List<bool>();
        await using (var items = mediator.CreateStream(request).GetAsyncEnumerator())
        {
            while (await items.MoveNextAsync())
            {
                seenDuring.Add(items.Current.Disposed);
            }

            Assert.True(request.Sightings.HandlerMarker!.Disposed);
        }

        Assert.Equal(new[] { false, false }, seenDuring);
        Assert.Throws<ArgumentNullException>(() => mediator.CreateStream<int>(null!));
    }

    /// <summary>Its object overloads (issue 19) open a scope per dispatch too, a stream's for as long as it is read.</summary>
    [Fact]
    public async Task The_scope_per_dispatch_mediator_gives_each_object_dispatch_its_own_scope()
    {
        using var host = TestHost.Create(validateScopes: true, services => services.AddScopePerDispatchMediator());
        var mediator = host.Provider.GetRequiredService<ScopePerDispatchMediator>();

        var first = Assert.IsType<ScopeSightings>(await mediator.Send((object)new ScopedProbe()));
        var second = Assert.IsType<ScopeSightings>(await mediator.Send((object)new ScopedProbe()));
        var published = new ScopedProbeEvent();
        await mediator.Publish((object)published);
        var request = new ScopedProbeStream();
        var seenDuring = new List<bool>();
        await foreach (var item in mediator.CreateStream((object)request))
        {
            seenDuring.Add(Assert.IsType<ScopeMarker>(item).Disposed);
        }

        Assert.NotSame(first.Handler, second.Handler);
        Assert.True(first.HandlerMarker!.Disposed);
        Assert.True(published.Sightings.HandlerMarker!.Disposed);
        Assert.Equal(new[] { false, false }, seenDuring);
        Assert.True(request.Sightings.HandlerMarker!.Disposed);
        Assert.Throws<ArgumentNullException>(() => mediator.CreateStream((object)null!));
    }
}
