using System.Security.Claims;

namespace Mediator.Caching;

/// <summary>Which callers' answers a cached answer may be given to: its partition of the cache.</summary>
internal static class CallerIdentity
{
    /// <summary>
    /// The partition of <paramref name="caller"/>: its stable identifier (the name-identifier claim, else the identity's
    /// name) for an authenticated caller, null for an anonymous one (no principal, or one that is not authenticated:
    /// all of them share one partition, never an authenticated caller's). False for an authenticated caller that cannot
    /// be told apart from others: such a send bypasses the cache.
    /// </summary>
    public static bool TryPartition(ClaimsPrincipal? caller, out string? partition)
    {
        partition = null;
        if (caller?.Identity is not { IsAuthenticated: true } identity)
        {
            return true;
        }

        partition = caller.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name;
        return !string.IsNullOrEmpty(partition);
    }
}
