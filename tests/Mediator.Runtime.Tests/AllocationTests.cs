using System.Reflection;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// <c>Send(object)</c> of a void request answers one <c>Unit</c> boxed once for all, and <c>Publish(object)</c> boxes
    /// nothing: both allocate nothing once warmed up (issue 19).
    /// </summary>
    [Fact]
    public void Object_Send_of_a_void_request_and_object_Publish_allocate_nothing()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;
        object command = new FiveVoid();
        object notification = new AllocationEvent(1);

        var allocated = Measure(() =>
        {
            var sent = mediator.Send(command);
            var published = mediator.Publish(notification);
            return sent.IsCompletedSuccessfully && sent.Result is Unit && published.IsCompletedSuccessfully ? 1 : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
    }

    /// <summary><c>Send(object)</c> of a request answering an <c>int</c> allocates the boxed answer and nothing else.</summary>
    [Fact]
    public void Object_Send_with_a_struct_answer_allocates_only_the_boxed_answer()
    {
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;
        object request = new Five(7);

        var allocated = Measure(() =>
        {
            var task = mediator.Send(request);
            return task.IsCompletedSuccessfully ? (int)task.Result! : throw new InvalidOperationException("expected synchronous completion");
        });

        // A boxed int: an object header and method table pointer, then the value padded to a pointer's size.
        Assert.Equal(Iterations * 3L * IntPtr.Size, allocated);
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
    public void A_stream_through_three_middlewares_allocates_no_more_than_three_hand_written_iterators()
    {
        // The comparison is the limit: three hand-written async-iterator layers taking only the request and
        // a token, around the same handler. A middleware's iterator returns an IAsyncEnumerator, which keeps its
        // parameters once, so its three layers plus the one PipelineStream a dispatch adds stay within that.
        using var services = TestHost.Create();
        var mediator = services.Mediator;
        var request = new ThreeItems();
        var layers = new HandWrittenStreamLayers();

        var generated = Measure(() => SumSynchronously(mediator.CreateStream(request)));
        var handWritten = Measure(() => SumSynchronously(layers.Layer1(request, default)));

        Assert.True(handWritten > 0, "the hand-written stream should allocate its iterators");
        Assert.True(generated <= handWritten, $"generated {generated / Iterations} B per stream, hand-written {handWritten / Iterations} B");
    }

    /// <summary>Three hand-written stream layers, each an async iterator re-yielding every item of the next one.</summary>
    private sealed class HandWrittenStreamLayers
    {
        private readonly ThreeItemsHandler _handler = new();

        public async IAsyncEnumerable<int> Layer1(ThreeItems request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in Layer2(request, cancellationToken))
            {
                yield return item;
            }
        }

        private async IAsyncEnumerable<int> Layer2(ThreeItems request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in Layer3(request, cancellationToken))
            {
                yield return item;
            }
        }

        private async IAsyncEnumerable<int> Layer3(ThreeItems request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in _handler.Handle(request, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads a stream whose items are all ready, without any await of its own.</summary>
    private static int SumSynchronously(IAsyncEnumerable<int> stream)
    {
        var sum = 0;
        var enumerator = stream.GetAsyncEnumerator();
        while (true)
        {
            var next = enumerator.MoveNextAsync();
            if (!next.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("expected synchronous completion");
            }

            if (!next.Result)
            {
                break;
            }

            sum += enumerator.Current;
        }

        var disposed = enumerator.DisposeAsync();
        return disposed.IsCompletedSuccessfully ? sum : throw new InvalidOperationException("expected synchronous disposal");
    }

    [Fact]
    public void The_generic_Send_through_the_type_table_allocates_nothing()
    {
        // This project has more request types than the chain limit: the generic Send looks the type up in a TypeIndex.
        Assert.NotNull(typeof(Mediator).GetField("RequestTypes", BindingFlags.NonPublic | BindingFlags.Static));
        using var services = TestHost.Create();
        IMediator mediator = services.Mediator;
        IRequest<int> last = new Numbered11();
        IRequest<int> boxedStruct = new StructQuery(1);
        IRequest<string> subclass = new Puppy();
        IRequest<int> twoAnswers = new TwoAnswers();
        IRequest voidRequest = new FiveVoid();

        var allocated = Measure(() =>
        {
            var a = mediator.Send(last);
            var b = mediator.Send(boxedStruct);
            var c = mediator.Send(subclass);
            var d = mediator.Send(twoAnswers);
            var e = mediator.Send(voidRequest);
            return a.IsCompletedSuccessfully && b.IsCompletedSuccessfully && c.IsCompletedSuccessfully && d.IsCompletedSuccessfully && e.IsCompletedSuccessfully
                ? a.Result + b.Result + c.Result.Length + d.Result
                : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_generic_Publish_through_the_type_table_allocates_nothing_for_structs_and_subclasses()
    {
        Assert.NotNull(typeof(Mediator).GetField("NotificationTypes", BindingFlags.NonPublic | BindingFlags.Static));
        using var services = TestHost.Create();
        IPublisher publisher = services.Mediator;
        var pulse = new Pulse(1);
        INotification boxedPulse = pulse;
        Beat offBeat = new OffBeat();

        var allocated = Measure(() =>
        {
            var a = publisher.Publish(pulse);
            var b = publisher.Publish(boxedPulse);
            var c = publisher.Publish(offBeat);
            return a.IsCompletedSuccessfully && b.IsCompletedSuccessfully && c.IsCompletedSuccessfully ? 1 : throw new InvalidOperationException("expected synchronous completion");
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
