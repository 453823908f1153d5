using Mediator;
using Mediator.BuiltIns;
using Mediator.Transactions;

namespace BuiltInsTests;

/// <summary>
/// Answers both test requests with who asked and how often the handler ran, so a test can tell a cached answer from a
/// fresh one and one caller's answer from another's. Failures to inject come from <see cref="HandlerProbe"/>.
/// </summary>
[Handler]
public sealed class TestHandlers(HandlerProbe probe, ICallerAccessor callers, AmbientTransactionContext transactions)
    : IRequestHandler<FullRequest, string>, IRequestHandler<PlainRequest, int>, IRequestHandler<RetriedCommand, int>,
      IRequestHandler<TimedRequest, int>, IRequestHandler<GuardedRequest, int>, INotificationHandler<Noticed>, IStreamRequestHandler<Counting, int>
{
    public async ValueTask<string> Handle(FullRequest request, CancellationToken cancellationToken)
    {
        var calls = probe.Enter(transactions.Current is not null);
        try
        {
            await probe.WaitIfGatedAsync(cancellationToken);
            probe.ThrowIfFaultInjected();
            return $"{callers.Caller?.Identity?.Name ?? "nobody"}:{request.Id}:{calls}";
        }
        finally
        {
            probe.Exit();
        }
    }

    public ValueTask<int> Handle(PlainRequest request, CancellationToken cancellationToken)
    {
        probe.Enter(transactions.Current is not null);
        probe.Exit();
        return new ValueTask<int>(request.Id * 2);
    }

    public ValueTask<int> Handle(RetriedCommand request, CancellationToken cancellationToken) => RunAsync(request.Id, cancellationToken);

    public ValueTask<int> Handle(TimedRequest request, CancellationToken cancellationToken) => RunAsync(request.Id, cancellationToken);

    public ValueTask<int> Handle(GuardedRequest request, CancellationToken cancellationToken) => RunAsync(request.Id, cancellationToken);

    public ValueTask Handle(Noticed notification, CancellationToken cancellationToken)
    {
        probe.Enter(transactions.Current is not null);
        probe.Exit();
        return default;
    }

    public async IAsyncEnumerable<int> Handle(Counting request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Enter(transactions.Current is not null);
        probe.Exit();
        for (var i = 0; i < request.Count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private async ValueTask<int> RunAsync(int id, CancellationToken cancellationToken)
    {
        probe.Enter(transactions.Current is not null);
        try
        {
            await probe.WaitIfGatedAsync(cancellationToken);
            probe.ThrowIfFaultInjected();
            return id;
        }
        finally
        {
            probe.Exit();
        }
    }
}
