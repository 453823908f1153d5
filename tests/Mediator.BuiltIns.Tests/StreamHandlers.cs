using Mediator;
using Mediator.Transactions;

namespace BuiltInsTests;

/// <summary>The handlers of the stream requests that ask for built-ins: each reports to the probe when it is opened.</summary>
[Handler]
public sealed class StreamHandlers(HandlerProbe probe, AmbientTransactionContext transactions) : IStreamRequestHandler<GuardedFeed, int>, IStreamRequestHandler<ValidatedFeed, int>
{
    public IAsyncEnumerable<int> Handle(GuardedFeed request, CancellationToken cancellationToken) => Count(request.Count, cancellationToken);

    public IAsyncEnumerable<int> Handle(ValidatedFeed request, CancellationToken cancellationToken) => Count(request.Count, cancellationToken);

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
