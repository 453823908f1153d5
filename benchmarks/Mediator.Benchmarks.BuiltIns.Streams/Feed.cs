using System.Runtime.CompilerServices;
using Mediator;
using Mediator.Authorization;
using Mediator.Resilience;

namespace StreamBuiltInBenchmarks;

/// <summary>A stream of <c>Count</c> items only clerks may read, with a deadline for the whole enumeration.</summary>
[Authorize(Roles = "clerk")]
[Timeout(Milliseconds = 30_000)]
public sealed record Feed(int Count) : IStreamRequest<int>;

/// <summary>Yields 0..Count-1, each after a completed <see cref="ValueTask"/>: the cost measured is the layers', not the handler's.</summary>
[Handler]
public sealed class FeedHandler : IStreamRequestHandler<Feed, int>
{
    public async IAsyncEnumerable<int> Handle(Feed request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < request.Count; i++)
        {
            await default(ValueTask);
            yield return i;
        }
    }
}
