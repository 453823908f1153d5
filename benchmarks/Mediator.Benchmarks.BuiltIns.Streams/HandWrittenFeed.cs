using System.Runtime.CompilerServices;
using Mediator.BuiltIns;
using Mediator.Metrics;
using Mediator.Resilience;
using Microsoft.Extensions.Logging;

namespace StreamBuiltInBenchmarks;

/// <summary>
/// The same four concerns written by hand around the same handler, in one iterator: the checks the built-ins make
/// before doing anything (the logger's Error level, anything listening to the stream instruments or the activity
/// source), the caller's authentication and role, and a whole-stream deadline on the <see cref="TimeProvider"/> linked
/// to the caller's token, with the timer's cancellation turned into <see cref="MessageTimeoutException"/>.
/// </summary>
public sealed class HandWrittenFeed(FeedHandler handler, ICallerAccessor callers, ILoggerFactory loggers, MediatorInstrumentation instrumentation, TimeProvider time)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(30_000);
    private readonly ILogger _logger = loggers.CreateLogger("Mediator");

    public async IAsyncEnumerable<int> Stream(Feed request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Logging and metrics: the figure is for the path where nothing listens, where the built-ins only check this.
        if (_logger.IsEnabled(LogLevel.Error) || instrumentation.IsStreamObserved)
            throw new InvalidOperationException("The hand-written stream covers only the unobserved path the benchmark measures.");

        var caller = callers.Caller;
        if (caller?.Identity?.IsAuthenticated != true || !caller.IsInRole("clerk"))
            throw new UnauthorizedAccessException("Only clerks may read the feed.");

        cancellationToken.ThrowIfCancellationRequested();
        using var deadline = new CancellationTokenSource(Deadline, time);
        using var link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);
        var items = handler.Handle(request, deadline.Token).GetAsyncEnumerator(deadline.Token);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException cancelled) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new MessageTimeoutException(typeof(Feed), Deadline, cancelled);
                }

                if (!more) yield break;
                yield return items.Current;
            }
        }
    }
}
