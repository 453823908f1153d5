using Microsoft.EntityFrameworkCore.Storage;

namespace EfCoreTests;

/// <summary>
/// A retrying execution strategy for SQLite, which has none of its own: it retries <see cref="TransientFailure"/> the
/// way SQL Server's and Npgsql's strategies retry their transient errors, with no delay so that tests do not wait. Like
/// theirs, it refuses a transaction begun outside <c>ExecuteAsync</c> (EF Core's base class checks it on the first
/// execution), so a middleware that began its transaction outside the strategy would fail here.
/// </summary>
public sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount)
    : ExecutionStrategy(dependencies, maxRetryCount, TimeSpan.Zero)
{
    protected override bool ShouldRetryOn(Exception exception) => exception is TransientFailure;

    protected override TimeSpan? GetNextDelay(Exception lastException)
        => base.GetNextDelay(lastException) is null ? null : TimeSpan.Zero;
}

/// <summary>What a handler throws to stand for a transient database failure (a deadlock, a dropped connection).</summary>
public sealed class TransientFailure(string message) : Exception(message);
