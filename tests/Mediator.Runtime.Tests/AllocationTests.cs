using Mediator;

namespace RuntimeTests;

/// <summary>
/// A warmed-up dispatch through five async no-op middlewares allocates nothing: no delegates, no closures,
/// no context object, no boxed <c>next</c>. Measured with the thread's allocation counter, not with timing.
/// </summary>
public sealed class AllocationTests
{
    private const int Iterations = 1_000;

    [Fact]
    public void Typed_Send_through_five_middlewares_allocates_nothing()
    {
        using var services = TestHost.Create();
        var mediator = services.Mediator;
        var request = new Five(7);

        var allocated = Measure(() =>
        {
            var task = mediator.Send(request);
            return task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Interface_Send_through_five_middlewares_allocates_nothing()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;
        IRequest<int> request = new Five(7);

        var allocated = Measure(() =>
        {
            var task = mediator.Send(request);
            return task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Publish_to_three_handlers_through_two_publish_side_and_three_handler_side_middlewares_allocates_nothing()
    {
        using var services = TestHost.Create();
        var mediator = services.Mediator;
        IPublisher viaInterface = mediator;
        var notification = new AllocationEvent(1);

        var allocated = Measure(() =>
        {
            var typed = mediator.Publish(notification);
            var generic = viaInterface.Publish(notification);
            return typed.IsCompletedSuccessfully && generic.IsCompletedSuccessfully ? 1 : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Void_Send_through_five_middlewares_allocates_nothing()
    {
        using var services = TestHost.Create();
        var mediator = services.Mediator;
        IMediator viaInterface = mediator;
        var request = new FiveVoid();

        var allocated = Measure(() =>
        {
            var typed = mediator.Send(request);
            var generic = viaInterface.Send(request);
            return typed.IsCompletedSuccessfully && generic.IsCompletedSuccessfully ? 1 : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_measurement_sees_allocations_when_there_are_some()
    {
        var allocated = Measure(() => new object().GetHashCode());

        Assert.True(allocated >= Iterations * 24, $"Expected at least {Iterations * 24} bytes, measured {allocated}.");
    }

    private static long Measure(Func<int> dispatch)
    {
        var sink = 0;
        for (var i = 0; i < Iterations; i++)
        {
            sink += dispatch();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            sink += dispatch();
        }

        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(sink);
        return after - before;
    }
}
