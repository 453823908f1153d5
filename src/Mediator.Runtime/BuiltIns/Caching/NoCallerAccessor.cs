using System.Security.Claims;
using Mediator.BuiltIns;

namespace Mediator.Caching;

/// <summary>
/// The caller accessor used when the application registers none: there is no caller, so answers to messages that
/// require authorization are never cached (and the authorization middleware denies them).
/// </summary>
internal sealed class NoCallerAccessor : ICallerAccessor
{
    public ClaimsPrincipal? Caller => null;
}
