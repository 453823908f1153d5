using System.Security.Claims;
using Mediator.BuiltIns;

namespace BuiltInsTests;

/// <summary>
/// The caller flows with the async call, as HttpContext.User does per request, so concurrent test callers each
/// dispatch as themselves.
/// </summary>
public sealed class AsyncLocalCallerAccessor : ICallerAccessor
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Current = new();

    public ClaimsPrincipal? Caller => Current.Value;

    /// <summary>Sets the caller for the rest of the current async flow (a test's body, or one concurrent caller).</summary>
    public static void SignIn(ClaimsPrincipal? caller) => Current.Value = caller;

    public static ClaimsPrincipal User(string name, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
    }
}
