using System.Runtime.CompilerServices;
using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Timeout;

/// <summary>
/// The stream side of the timeout: a deadline for the whole stream and, optionally, a limit on each next item (the
/// caller's own time between reads not counted); the caller's cancellation stays an OperationCanceledException.
/// </summary>
public sealed class TimeoutStreamTests
{
    public sealed record Ticks;

    private const int Hang = -1;
    private readonly FakeTimeProvider _time = new();
    private int _finished;

    /// <summary>Item i comes after gaps[i] ms on the fake clock (Hang: never, until cancelled); nothing else awaits.</summary>
    private async IAsyncEnumerable<int> Gaps(int[] gaps, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < gaps.Length; i++)
            {
                if (gaps[i] == Hang) await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, _time, cancellationToken);
                else if (gaps[i] > 0) await Task.Delay(TimeSpan.FromMilliseconds(gaps[i]), _time, cancellationToken);
                yield return i;
            }
        }
        finally
        {
            _finished++;
        }
    }

    private IAsyncEnumerator<int> Open(TimeoutAttribute settings, int[] gaps, CancellationToken cancellationToken = default)
        => ((IStreamMiddleware<Ticks, int>)new TimeoutMiddleware<Ticks, int>(settings, _time))
            .InvokeAsync(new Ticks(), new TestStreamNext<Ticks, int>((_, context) => Gaps(gaps, context.CancellationToken)), new MessageContext(typeof(Ticks), cancellationToken));

    [Fact]
    public async Task The_whole_stream_deadline_fails_a_read_in_progress_with_a_timeout()
    {
        await using var items = Open(new TimeoutAttribute { Milliseconds = 500 }, [0, Hang]);
        Assert.True(await items.MoveNextAsync());

        var read = items.MoveNextAsync();
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var timeout = await Assert.ThrowsAsync<MessageTimeoutException>(async () => await read);
        Assert.Equal(TimeSpan.FromMilliseconds(500), timeout.Timeout);
        Assert.Equal(typeof(Ticks), timeout.MessageType);
    }

    [Fact]
    public async Task The_whole_stream_deadline_counts_the_callers_time_between_reads()
    {
        await using var items = Open(new TimeoutAttribute { Milliseconds = 500 }, [0, 10, 10]);
        Assert.True(await items.MoveNextAsync());

        _time.Advance(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<MessageTimeoutException>(async () => await items.MoveNextAsync());
    }

    [Fact]
    public async Task The_limit_between_items_fails_a_slow_next_item_but_not_the_callers_own_pause()
    {
        await using var items = Open(new TimeoutAttribute { Milliseconds = 60_000, BetweenItemsMilliseconds = 100 }, [0, 90, Hang]);
        Assert.True(await items.MoveNextAsync());

        _time.Advance(TimeSpan.FromMilliseconds(1_000)); // the caller dawdles: not the handler's time
        var second = items.MoveNextAsync();
        _time.Advance(TimeSpan.FromMilliseconds(90));
        Assert.True(await second);
        Assert.Equal(1, items.Current);

        var third = items.MoveNextAsync();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var timeout = await Assert.ThrowsAsync<MessageTimeoutException>(async () => await third);
        Assert.Equal(TimeSpan.FromMilliseconds(100), timeout.Timeout);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_between_items_is_not_a_timeout()
    {
        using var caller = new CancellationTokenSource();
        await using var items = Open(new TimeoutAttribute { Milliseconds = 500, BetweenItemsMilliseconds = 100 }, [0, Hang], caller.Token);
        Assert.True(await items.MoveNextAsync());

        var read = items.MoveNextAsync();
        caller.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await read);
        Assert.IsNotType<MessageTimeoutException>(cancelled);
    }

    [Fact]
    public async Task An_already_cancelled_caller_never_opens_the_handlers_stream()
    {
        var handler = new StreamHandlerStub();
        var middleware = (IStreamMiddleware<Ticks, int>)new TimeoutMiddleware<Ticks, int>(new TimeoutAttribute { Milliseconds = 500 }, _time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            StreamHandlerStub.ReadAll(middleware.InvokeAsync(new Ticks(), handler.Next<Ticks>(3), new MessageContext(typeof(Ticks), new CancellationToken(true)))));

        Assert.Equal(0, handler.Opened);
    }

    [Fact]
    public async Task A_failure_after_some_items_is_passed_on_unchanged_and_a_stream_in_time_completes()
    {
        var handler = new StreamHandlerStub();
        var middleware = (IStreamMiddleware<Ticks, int>)new TimeoutMiddleware<Ticks, int>(new TimeoutAttribute { Milliseconds = 500 }, _time);
        var read = new List<int>();
        var items = middleware.InvokeAsync(new Ticks(), handler.Next<Ticks>(5, failAfter: 2), new MessageContext(typeof(Ticks), default));

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using (items)
                while (await items.MoveNextAsync()) read.Add(items.Current);
        });
        Assert.Equal([0, 1], read);

        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open(new TimeoutAttribute { Milliseconds = 500, BetweenItemsMilliseconds = 100 }, [0, 0, 0])));
    }

    [Fact]
    public async Task Disposing_after_one_item_disposes_the_handlers_stream()
    {
        var items = Open(new TimeoutAttribute { Milliseconds = 500, BetweenItemsMilliseconds = 100 }, [0, Hang]);
        Assert.True(await items.MoveNextAsync());

        await items.DisposeAsync();

        Assert.Equal(1, _finished);
    }

    [Fact]
    public void A_negative_limit_between_items_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new TimeoutMiddleware<Ticks, int>(new TimeoutAttribute { BetweenItemsMilliseconds = -1 }, _time));
}
