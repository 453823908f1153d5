using Mediator;
using Mediator.Transactions;

namespace BuiltInsTests;

/// <summary>The handlers of the stream requests that ask for built-ins: each reports to the probe when it is opened.</summary>
[Handler]
public sealed class StreamHandlers(HandlerProbe probe, AmbientTransactionContext transactions) : IStreamRequestHandler<GuardedFeed, int>, IStreamRequestHandler<ValidatedFeed, int>,
      IStreamRequestHandler<TimedFeed, int>
{
    public IAsyncEnumerable<int> Handle(GuardedFeed request, CancellationToken cancellationToken) => Count(request.Count, cancellationToken);

    public IAsyncEnumerable<int> Handle(ValidatedFeed request, CancellationToken cancellationToken) => Count(request.Count, cancellationToken);

    /// <summary>One item, then waits for its token: only a timeout or the caller ends it.</summary>
    public async IAsyncEnumerable<int> Handle(TimedFeed request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return 0;
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        yield return 1;
    }

    private async IAsyncEnumerable<int> Count(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Enter(transactions.Current is not null);
        probe.Exit();
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}
