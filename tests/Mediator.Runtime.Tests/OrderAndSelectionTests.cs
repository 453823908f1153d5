using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

public sealed class OrderAndSelectionTests
{
    [Fact]
    public async Task Middlewares_run_outermost_first_by_Order_and_unwind_in_reverse()
    {
        using var services = TestHost.Create();

        var answer = await services.Mediator.Send(new Traced("hi"));

        Assert.Equal("HI", answer);
        Assert.Equal(
            new[] { "outer before", "middle before", "strings-only before", "inner before", "handler hi", "inner after", "strings-only after", "middle after", "outer after" },
            services.Recorder.Lines);
    }

    [Fact]
    public async Task Constraints_select_the_requests_a_middleware_wraps()
    {
        using var services = TestHost.Create();

        await services.Mediator.Send(new Untraced("plain"));
        await services.Mediator.Send(new TracedCommand("void"));

        Assert.Equal(
            new[]
            {
                "handler plain",
                "outer before", "middle before", "inner before", "handler void", "inner after", "middle after", "outer after",
            },
            services.Recorder.Lines);
    }

    [Fact]
    public async Task The_interface_path_runs_the_same_pipeline()
    {
        using var services = TestHost.Create();
        global::Mediator.IMediator mediator = services.Mediator;

        Assert.Equal("HI", await mediator.Send(new Traced("hi")));
        await mediator.Send(new TracedCommand("void"));
        await services.Provider.GetRequiredService<global::Mediator.ISender>().Send(new Untraced("plain"));

        Assert.Equal(9 + 7 + 1, services.Recorder.Lines.Count);
        Assert.Equal("outer before", services.Recorder.Lines[0]);
        Assert.Equal("handler plain", services.Recorder.Lines[^1]);
    }
}
