using System.Security.Claims;

namespace Mediator.Caching;

/// <summary>Who a cached answer belongs to, when the message requires authorization.</summary>
internal static class CallerIdentity
{
    /// <summary>
    /// The caller's stable identifier (the name-identifier claim, else the identity's name), or null when there is no
    /// authenticated caller or it cannot be told apart from others: such sends bypass the cache.
    /// </summary>
    public static string? Of(ClaimsPrincipal? caller)
    {
        if (caller?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var id = caller.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? identity.Name;
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
