using System.Security.Claims;
using Mediator.BuiltIns;

namespace WebApi.Orders;

/// <summary>Who the customer of an order is: the caller the built-ins see (with CompiledMediator.AspNetCore, <c>HttpContext.User</c>).</summary>
internal static class Customer
{
    /// <summary>The caller's name identifier. Only for <c>[Authorize]</c> messages, whose callers are authenticated.</summary>
    public static string Of(ICallerAccessor caller)
        => caller.Caller?.FindFirst(ClaimTypes.NameIdentifier)?.Value
           ?? throw new InvalidOperationException("The caller has no name identifier: send this message only for an authenticated caller.");
}
