using System.Security.Claims;

namespace Mediator.BuiltIns;

/// <summary>
/// Tells the built-in middlewares who is sending: authorization checks this caller, rate limiting keys its buckets by
/// it and caching keeps each caller's answers apart (unless a message's <c>[Cache(SharedAcrossCallers = true)]</c> says
/// its answer is the same for everyone). Register your own implementation; ASP.NET Core apps get one that reads
/// <c>HttpContext.User</c> from <c>services.AddMediatorAspNetCore()</c> (package CompiledMediator.AspNetCore).
/// </summary>
public interface ICallerAccessor
{
    /// <summary>The caller of the current dispatch, or null when there is none (authorization then denies by default).</summary>
    ClaimsPrincipal? Caller { get; }
}
