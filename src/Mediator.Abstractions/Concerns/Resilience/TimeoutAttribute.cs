using System;

namespace Mediator.Resilience;

/// <summary>
/// Gives this message a deadline: the timeout middleware cancels the token the handler sees after
/// <see cref="Milliseconds"/> and the send fails with a <see cref="TimeoutException"/>. The caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>. Handlers must observe the token they receive.
/// </summary>
/// <example><code>
/// [Timeout(Milliseconds = 2_000)]
/// public sealed record GetReport(int Id) : IRequest&lt;Report&gt;;
/// </code></example>
[RequiresConcern(Concerns.Timeout)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class TimeoutAttribute : Attribute
{
    /// <summary>The deadline, counted from when the middleware starts. Default 30,000.</summary>
    public int Milliseconds { get; set; } = 30_000;

    /// <summary>
    /// Streams only: the longest the handler may take to produce each next item, counted from when the caller asks
    /// for it (time the caller spends between reads is not counted). 0, the default, sets no such limit; the whole
    /// stream still has <see cref="Milliseconds"/>. Requests and notifications ignore it.
    /// </summary>
    public int BetweenItemsMilliseconds { get; set; }
}
