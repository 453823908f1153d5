using System.Security.Claims;
using Mediator.BuiltIns;

namespace Mediator.Caching;

/// <summary>
/// The caller accessor used when the application registers none: there is no caller, so cached answers are kept
/// once for everyone, and answers to messages that require authorization are never cached (the authorization
/// middleware denies them). The caching middleware recognises it and does not ask it per send.
/// </summary>
internal sealed class NoCallerAccessor : ICallerAccessor
{
    public ClaimsPrincipal? Caller => null;
}
