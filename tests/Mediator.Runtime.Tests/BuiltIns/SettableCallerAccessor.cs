using System.Security.Claims;
using Mediator.BuiltIns;

namespace RuntimeTests.BuiltIns;

/// <summary>An <see cref="ICallerAccessor"/> whose caller the test sets, with helpers for the principals the tests need.</summary>
public sealed class SettableCallerAccessor : ICallerAccessor
{
    public ClaimsPrincipal? Caller { get; set; }

    /// <summary>An authenticated caller with a name identifier and the given roles.</summary>
    public static ClaimsPrincipal User(string id, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, id) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
    }

    /// <summary>A principal that carries claims but is not authenticated (no authentication type).</summary>
    public static ClaimsPrincipal Unauthenticated(string id)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)]));
}
