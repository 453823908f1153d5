using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>CreateStream through stream middleware: open, per item, end; cancellation reaches the handler's iterator.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task Stream_middleware_wraps_the_open_each_item_and_the_end()
    {
        using var host = TestHost.Create();

        var items = new List<int>();
        await foreach (var item in host.Mediator.CreateStream(new CountTo(2)))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 1, 2 }, items);
        Assert.Equal(
            new[] { "outer open", "inner open", "inner item 1", "outer item 1", "inner item 2", "outer item 2", "inner end after 2", "outer end after 2" },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task Nothing_runs_until_the_caller_reads()
    {
        using var host = TestHost.Create();

        var stream = host.Mediator.CreateStream(new CountTo(3));
        Assert.Empty(host.Recorder.Lines);
        await using var enumerator = stream.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, enumerator.Current);
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_the_handlers_iterator()
    {
        using var host = TestHost.Create();
        var probe = host.Provider.GetRequiredService<StreamProbe>();
        using var cancellation = new CancellationTokenSource();

        // No enumeration token (default): only CreateStream's token is cancelled.
        var seen = await ReadUntilCancelledAt(2, host.Mediator.CreateStream(new CountTo(1_000), cancellation.Token).WithCancellation(default), cancellation);

        Assert.Equal(new[] { 1, 2 }, seen);
        Assert.Equal(2, probe.Produced);
        Assert.True(probe.Finished);
        Assert.True(probe.Cancelled);
    }

    [Fact]
    public async Task Stopping_early_disposes_the_handlers_iterator()
    {
        using var host = TestHost.Create();
        var probe = host.Provider.GetRequiredService<StreamProbe>();

        await foreach (var item in host.Mediator.CreateStream(new CountTo(1_000)))
        {
            if (item == 3)
            {
                break;
            }
        }

        Assert.Equal(3, probe.Produced);
        Assert.True(probe.Finished);
        Assert.False(probe.Cancelled);
    }

    [Fact]
    public async Task The_interface_path_opens_the_same_pipeline()
    {
        using var host = TestHost.Create();
        ISender sender = host.Mediator;

        var items = new List<int>();
        await foreach (var item in sender.CreateStream(new CountTo(2)))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 1, 2 }, items);
        Assert.Contains("outer end after 2", host.Recorder.Lines);
    }

    [Fact]
    public async Task A_handler_that_returns_null_gets_a_typed_exception_naming_it()
    {
        using var host = TestHost.Create();

        var error = Assert.Throws<StreamHandlerReturnedNullException>(() => host.Mediator.CreateStream(new BrokenStream()));

        Assert.Equal(typeof(BrokenStreamHandler), error.HandlerType);
        Assert.Contains("'BrokenStreamHandler' returned null", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_enumeration_token_reaches_the_handler_through_the_middleware()
    {
        // WithCancellation's token, not CreateStream's: the pipeline's stream passes it to every layer as the
        // context's token (before the enumerator-returning contract the outermost iterator dropped it).
        using var host = TestHost.Create();
        var probe = host.Provider.GetRequiredService<StreamProbe>();
        using var cancellation = new CancellationTokenSource();

        var seen = await ReadUntilCancelledAt(2, host.Mediator.CreateStream(new CountTo(1_000)).WithCancellation(cancellation.Token), cancellation);

        Assert.Equal(new[] { 1, 2 }, seen);
        Assert.Equal(2, probe.Produced);
        Assert.True(probe.Cancelled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_token_stops_the_stream_when_both_are_given(bool cancelTheCreateStreamToken)
    {
        using var host = TestHost.Create();
        var probe = host.Provider.GetRequiredService<StreamProbe>();
        using var created = new CancellationTokenSource();
        using var enumerated = new CancellationTokenSource();
        var stream = host.Mediator.CreateStream(new CountTo(1_000), created.Token).WithCancellation(enumerated.Token);

        var seen = await ReadUntilCancelledAt(3, stream, cancelTheCreateStreamToken ? created : enumerated);

        Assert.Equal(new[] { 1, 2, 3 }, seen);
        Assert.Equal(3, probe.Produced);
        Assert.True(probe.Cancelled);
        Assert.DoesNotContain(host.Recorder.Lines, line => line.Contains("end after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_enumeration_opens_the_pipeline_again()
    {
        using var host = TestHost.Create();
        var stream = host.Mediator.CreateStream(new CountTo(2));

        var first = await StreamReading.ReadAll(stream);
        var second = await StreamReading.ReadAll(stream);

        Assert.Equal(new[] { 1, 2 }, first);
        Assert.Equal(new[] { 1, 2 }, second);
        Assert.Equal(2, host.Recorder.Lines.Count(line => line == "outer open"));
        Assert.Equal(2, host.Recorder.Lines.Count(line => line == "outer end after 2"));
    }

    [Fact]
    public async Task A_middleware_that_is_not_an_iterator_can_pass_the_inner_items_on()
    {
        using var host = TestHost.Create();

        var letters = await StreamReading.ReadAll(host.Mediator.CreateStream(new Spell("abc")));

        Assert.Equal("abc", new string(letters.ToArray()));
        Assert.Equal(new[] { "pass-through open" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task A_middleware_that_returns_null_gets_an_error_that_says_what_to_write()
    {
        using var host = TestHost.Create();
        var stream = host.Mediator.CreateStream(new BrokenLayerStream());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await StreamReading.ReadAll(stream));

        Assert.Contains("returned null from InvokeAsync", error.Message);
        Assert.Contains("async IAsyncEnumerator<T>", error.Message);
    }

    private static async Task<List<int>> ReadUntilCancelledAt(int last, System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable<int> stream, CancellationTokenSource cancellation)
    {
        var seen = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in stream)
            {
                seen.Add(item);
                if (item == last)
                {
                    cancellation.Cancel();
                }
            }
        });

        return seen;
    }
}
