using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

public sealed class DispatchTests
{
    [Fact]
    public async Task The_callers_token_reaches_the_handler_through_the_middlewares()
    {
        using var services = TestHost.Create();
        using var source = new CancellationTokenSource();

        var seen = await services.Mediator.Send(new TokenProbe(), source.Token);

        Assert.Equal(source.Token, seen);
        Assert.Contains("outer before", services.Recorder.Lines);
    }

    [Fact]
    public async Task Cancelling_stops_the_handler_and_surfaces_as_cancellation()
    {
        using var services = TestHost.Create();
        using var source = new CancellationTokenSource();

        var pending = services.Mediator.Send(new WaitForever(), source.Token).AsTask();
        Assert.False(pending.IsCompleted);
        source.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(source.Token, cancelled.CancellationToken);
        Assert.Equal("outer after", services.Recorder.Lines[^1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Handler_exceptions_surface_unchanged_with_their_stack(bool asynchronously)
    {
        using var services = TestHost.Create();

        var failure = await Assert.ThrowsAsync<CustomFailure>(async () => await services.Mediator.Send(new Explode(asynchronously)));

        Assert.Equal("boom from the handler", failure.Message);
        Assert.Contains(nameof(ExplodeHandler) + ".ThrowFromHandler", failure.StackTrace);
        Assert.Contains(nameof(ExplodeHandler) + ".Handle", failure.StackTrace);
        Assert.Equal("outer after", services.Recorder.Lines[^1]);
    }

    [Fact]
    public async Task Exceptions_surface_unchanged_through_the_interface_too()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;

        await Assert.ThrowsAsync<CustomFailure>(async () => await mediator.Send(new Explode(true)));
    }

    [Fact]
    public async Task Scoped_handlers_are_new_per_scope_and_shared_within_one()
    {
        using var services = TestHost.Create(validateScopes: true);

        Guid first, again, second;
        using (var scope = services.Provider.CreateScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<Mediator>();
            first = await mediator.Send(new WhoAmIScoped());
            again = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new WhoAmIScoped());
        }

        using (var scope = services.Provider.CreateScope())
        {
            second = await scope.ServiceProvider.GetRequiredService<Mediator>().Send(new WhoAmIScoped());
        }

        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_scoped_handler_cannot_be_reached_from_the_root_when_scopes_are_validated()
    {
        using var services = TestHost.Create(validateScopes: true);

        var error = await Assert.ThrowsAsync<ScopeRequiredException>(async () => await services.Mediator.Send(new WhoAmIScoped()));
        Assert.Contains("scoped", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Transient_handlers_are_new_per_dispatch_and_singletons_are_shared_across_scopes()
    {
        using var services = TestHost.Create();

        Assert.NotEqual(await services.Mediator.Send(new WhoAmITransient()), await services.Mediator.Send(new WhoAmITransient()));

        using var one = services.Provider.CreateScope();
        using var two = services.Provider.CreateScope();
        Assert.Equal(
            await one.ServiceProvider.GetRequiredService<Mediator>().Send(new WhoAmI()),
            await two.ServiceProvider.GetRequiredService<Mediator>().Send(new WhoAmI()));
    }

    [Fact]
    public async Task The_generic_path_routes_a_subclass_to_its_base_class_pipeline()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;

        Assert.Equal("handled DerivedQuery", await mediator.Send(new DerivedQuery()));
        Assert.Equal("handled BaseQuery", await mediator.Send(new BaseQuery()));
    }

    [Fact]
    public async Task The_generic_path_unboxes_struct_requests()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;

        Assert.Equal(42, await mediator.Send(new StructQuery(21)));
    }

    [Fact]
    public async Task A_request_without_handler_fails_with_a_typed_exception_that_says_what_to_do()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;

#pragma warning disable MED0045 // sent on purpose with no handler: the run-time HandlerNotFoundException is what is tested
        var error = await Assert.ThrowsAsync<HandlerNotFoundException>(async () => await mediator.Send(new Unhandled()));
#pragma warning restore MED0045

        Assert.Equal(typeof(Unhandled), error.MessageType);
        Assert.Contains("[Handler]", error.Message);
        Assert.Contains("'Unhandled'", error.Message);
    }

    [Fact]
    public async Task Null_requests_are_rejected_on_every_path()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await services.Mediator.Send((Traced)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await mediator.Send((IRequest<string>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await mediator.Send((IRequest)null!));
    }

    [Fact]
    public async Task The_items_bag_is_shared_inward_and_read_back_outward()
    {
        using var services = TestHost.Create();

        Assert.Equal("ok", await services.Mediator.Send(new ItemsProbe()));

        Assert.Equal(
            new[] { "user read: set by the outer layer; message type ItemsProbe", "owner read: set by the inner layer" },
            services.Recorder.Lines);
    }

    [Fact]
    public void AddMediator_twice_registers_nothing_twice()
    {
        var once = new ServiceCollection().AddMediator().Count;
        var twice = new ServiceCollection().AddMediator().AddMediator().Count;

        Assert.Equal(once, twice);
    }
}
