using System.Runtime.CompilerServices;

namespace LoadHarness;

/// <summary>
/// The limit every stream is measured against, written by hand with no library: three nested async iterators, each
/// re-yielding every item of the next, around a handler iterator that yields 1, 2, 3 without suspending. The layers are
/// instance methods, as a middleware's <c>InvokeAsync</c> is (each iterator keeps <c>this</c>). The same source compiles
/// into every benchmark project, so every project's ratios are to the same code.
/// </summary>
public sealed class HandWrittenStream
{
    private readonly Request _request = new();
    private readonly Handler _handler = new();

    /// <summary>Three layers taking the request and a token, as a person would write them.</summary>
    public IAsyncEnumerable<int> Run3(CancellationToken cancellationToken = default) => Layer1(_request, cancellationToken);

    /// <summary>The handler's iterator alone.</summary>
    public IAsyncEnumerable<int> Run0(CancellationToken cancellationToken = default) => Items(cancellationToken);

    /// <summary>Reads a stream to its end and sums the items: how every stream benchmark consumes its stream.</summary>
    public static async ValueTask<int> Sum(IAsyncEnumerable<int> stream)
    {
        var sum = 0;
        await foreach (var item in stream)
        {
            sum += item;
        }

        return sum;
    }

    /// <summary>The handler's body: what every benchmark's stream handler returns.</summary>
    public static async IAsyncEnumerable<int> Items([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return 1;
        yield return 2;
        yield return 3;
        await Task.CompletedTask;
    }

    /// <summary>The request: a class with no members.</summary>
    public sealed class Request
    {
    }

    /// <summary>The handler, reached through a field as a pipeline reaches it (so the innermost layer keeps <c>this</c> too).</summary>
    public sealed class Handler
    {
        public IAsyncEnumerable<int> Handle(Request request, CancellationToken cancellationToken) => Items(cancellationToken);
    }

    private async IAsyncEnumerable<int> Layer1(Request request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in Layer2(request, cancellationToken))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<int> Layer2(Request request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in Layer3(request, cancellationToken))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<int> Layer3(Request request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _handler.Handle(request, cancellationToken))
        {
            yield return item;
        }
    }
}
