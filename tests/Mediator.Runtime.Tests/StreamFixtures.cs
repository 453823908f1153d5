using System.Runtime.CompilerServices;
using Mediator;

namespace RuntimeTests;

public interface IStreamTraced
{
}

public sealed record CountTo(int Count, int DelayMilliseconds = 0) : IStreamRequest<int>, IStreamTraced;

public sealed class StreamProbe
{
    public int Produced;
    public bool Finished;
    public bool Cancelled;
}

[Handler]
public sealed class CountToHandler(StreamProbe probe) : IStreamRequestHandler<CountTo, int>
{
    public async IAsyncEnumerable<int> Handle(CountTo request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 1; i <= request.Count; i++)
            {
                if (request.DelayMilliseconds > 0)
                {
                    await Task.Delay(request.DelayMilliseconds, cancellationToken);
                }
                else
                {
                    await Task.Yield();
                }

                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref probe.Produced);
                yield return i;
            }
        }
        finally
        {
            probe.Cancelled = cancellationToken.IsCancellationRequested;
            probe.Finished = true;
        }
    }
}

public abstract class StreamTrace<TRequest, TItem>(Recorder recorder, string name) : IStreamMiddleware<TRequest, TItem>
{
    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
    {
        recorder.Add(name + " open");
        var count = 0;
        await foreach (var item in next.InvokeAsync(request, context))
        {
            count++;
            recorder.Add(name + " item " + item);
            yield return item;
        }

        recorder.Add(name + " end after " + count);
    }
}

[Middleware(Order = 2)]
public sealed class InnerStreamTrace<TRequest, TItem>(Recorder recorder) : StreamTrace<TRequest, TItem>(recorder, "inner")
    where TRequest : IStreamTraced;

[Middleware(Order = 1)]
public sealed class OuterStreamTrace<TRequest, TItem>(Recorder recorder) : StreamTrace<TRequest, TItem>(recorder, "outer")
    where TRequest : IStreamTraced;

/// <summary>A stream handler that is not an async iterator and returns null.</summary>
public sealed record BrokenStream : IStreamRequest<string>;

[Handler]
public sealed class BrokenStreamHandler : IStreamRequestHandler<BrokenStream, string>
{
    public IAsyncEnumerable<string> Handle(BrokenStream request, CancellationToken cancellationToken) => null!;
}

/// <summary>Stream requests carrying this marker get <see cref="PassThroughStream{TRequest, TItem}"/>.</summary>
public interface IStreamPassedThrough
{
}

public sealed record Spell(string Word) : IStreamRequest<char>, IStreamPassedThrough;

[Handler]
public sealed class SpellHandler : IStreamRequestHandler<Spell, char>
{
    public async IAsyncEnumerable<char> Handle(Spell request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var letter in request.Word)
        {
            await Task.Yield();
            yield return letter;
        }
    }
}

/// <summary>A stream middleware that is not an iterator: it notes the open and hands the inner enumerator on.</summary>
[Middleware]
public sealed class PassThroughStream<TRequest, TItem>(Recorder recorder) : IStreamMiddleware<TRequest, TItem>
    where TRequest : IStreamPassedThrough
{
    public IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
    {
        recorder.Add("pass-through open");
        return next.InvokeAsync(request, context).GetAsyncEnumerator();
    }
}

/// <summary>Stream requests carrying this marker get <see cref="NullReturningStream{TRequest, TItem}"/>.</summary>
public interface IStreamWithBrokenLayer
{
}

public sealed record BrokenLayerStream : IStreamRequest<int>, IStreamWithBrokenLayer;

[Handler]
public sealed class BrokenLayerStreamHandler : IStreamRequestHandler<BrokenLayerStream, int>
{
    public async IAsyncEnumerable<int> Handle(BrokenLayerStream request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return 1;
    }
}

/// <summary>A stream middleware that is not an iterator and returns null.</summary>
[Middleware]
public sealed class NullReturningStream<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
    where TRequest : IStreamWithBrokenLayer
{
#pragma warning disable MED0031 // never calling next is this fixture's point: it returns null instead
    public IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
        => null!;
#pragma warning restore MED0031
}
