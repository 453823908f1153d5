using System.Runtime.CompilerServices;
using Mediator;

namespace RuntimeTests.BuiltIns;

/// <summary>
/// A stream handler for the built-ins' stream tests: counts how often it was opened, how many items it produced and
/// whether its enumeration was finished (completed, failed or disposed); can fail after some items or wait between
/// items until cancelled.
/// </summary>
public sealed class StreamHandlerStub
{
    private int _opened;
    private int _produced;
    private int _finished;

    public int Opened => Volatile.Read(ref _opened);

    public int Produced => Volatile.Read(ref _produced);

    public int Finished => Volatile.Read(ref _finished);

    /// <summary>Yields <paramref name="count"/> items (0, 1, ...); throws after <paramref name="failAfter"/> items when given.</summary>
    public async IAsyncEnumerable<int> Items(int count, int? failAfter = null, TimeSpan? delayBetween = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _opened);
        try
        {
            for (var i = 0; i < count; i++)
            {
                if (i > 0 && delayBetween is { } delay) await Task.Delay(delay, cancellationToken);
                else await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                if (i == failAfter) throw new InvalidOperationException("failed after " + i + " items");
                Interlocked.Increment(ref _produced);
                yield return i;
            }
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>The next step over <see cref="Items"/>, with the context's token.</summary>
    public TestStreamNext<TRequest, int> Next<TRequest>(int count, int? failAfter = null, TimeSpan? delayBetween = null)
        => new((_, context) => Items(count, failAfter, delayBetween, context.CancellationToken));

    /// <summary>Opens <paramref name="enumerator"/>'s stream and reads it to the end.</summary>
    public static async Task<List<int>> ReadAll(IAsyncEnumerator<int> enumerator)
    {
        var items = new List<int>();
        await using (enumerator)
        {
            while (await enumerator.MoveNextAsync()) items.Add(enumerator.Current);
        }

        return items;
    }
}
