// Linked into Mediator.Runtime, where the built-ins' [MustRunInside]/[MustRunOutside] attributes name these, and into the
// generator, whose rule table (Checks/OrderingRuleTable.cs) pairs each ID with its kind and diagnostic. Each rule's ID and
// reason are written here and nowhere else (BuiltInRuleTableTests scans src/ for a second copy).
namespace Mediator.Shared;

/// <summary>The ordering rules of the built-in middlewares: the diagnostic ID each is reported under, and why it exists.</summary>
internal static class BuiltInRules
{
    /// <summary>Caching must run inside authorization (MED0012, error).</summary>
    public const string CachingInsideAuthorization = "MED0012";

    /// <summary>Why caching must run inside authorization, quoted in MED0012.</summary>
    public const string CachingInsideAuthorizationReason = "a cache hit would skip the permission check";

    /// <summary>Retry must run outside the transaction (MED0013, error).</summary>
    public const string RetryOutsideTransaction = "MED0013";

    /// <summary>Why retry must run outside the transaction, quoted in MED0013.</summary>
    public const string RetryOutsideTransactionReason = "every attempt needs a fresh unit of work";

    /// <summary>The circuit breaker must run inside retry (MED0014, warning).</summary>
    public const string CircuitBreakerInsideRetry = "MED0014";

    /// <summary>Why the circuit breaker must run inside retry, quoted in MED0014.</summary>
    public const string CircuitBreakerInsideRetryReason = "the breaker would see one outcome per N attempts";

    /// <summary>The rate limit must run outside retry (MED0015, warning).</summary>
    public const string RateLimitOutsideRetry = "MED0015";

    /// <summary>Why the rate limit must run outside retry, quoted in MED0015.</summary>
    public const string RateLimitOutsideRetryReason = "every retry would take another permit";

    /// <summary>The transaction must run inside every other built-in (MED0016, warning).</summary>
    public const string TransactionInnermost = "MED0016";

    /// <summary>Why the transaction must be the innermost built-in, quoted in MED0016.</summary>
    public const string TransactionInnermostReason = "the unit of work should wrap the handler alone";
}
