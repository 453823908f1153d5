using System.Security.Claims;
using Mediator.BuiltIns;

namespace StreamBuiltInBenchmarks;

/// <summary>One signed-in clerk for every call, read the same way by both sides.</summary>
public sealed class ClerkCaller : ICallerAccessor
{
    public static readonly ClaimsPrincipal Clerk = new(new ClaimsIdentity(
        new[] { new Claim(ClaimTypes.Name, "alice"), new Claim(ClaimTypes.NameIdentifier, "alice"), new Claim(ClaimTypes.Role, "clerk") }, "bench"));

    public ClaimsPrincipal? Caller => Clerk;
}
