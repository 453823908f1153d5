using System;

namespace Mediator.Authorization;

/// <summary>
/// Says that sending this message needs an authorized caller. With no arguments any authenticated caller may send it;
/// <see cref="Roles"/> and <see cref="Policy"/> narrow it further. The built-in authorization middleware
/// (<c>AuthorizationMiddleware</c> in Mediator.Runtime) checks it before the handler runs and denies by default when there
/// is no caller; a message carrying it whose pipeline has no authorization middleware does not compile.
/// <code>
/// [Authorize(Roles = "admin,auditor", Policy = "SameTenant")]
/// public sealed record DeleteInvoice(Guid Id) : IRequest;
/// </code>
/// </summary>
/// <remarks>The values are compile-time constants: the generator rebuilds the attribute from them; nothing reads attributes at run time.</remarks>
[RequiresConcern(Concerns.Authorization, Severity = RuleSeverity.Error)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <summary>
    /// Comma-separated role names; the caller must be in at least one of them. Null or empty means no role is needed.
    /// </summary>
    public string? Roles { get; set; }

    /// <summary>
    /// The name of an authorization policy the caller must satisfy (a registered <c>IAuthorizationPolicy</c> with this
    /// name), or null for none.
    /// </summary>
    public string? Policy { get; set; }
}
