using System.Collections.Generic;

namespace Mediator.Authorization;

/// <summary>
/// A place, beside the policies registered with <c>AddMediatorAuthorizationPolicy</c>, where the authorization
/// middleware finds the policy an <see cref="AuthorizeAttribute.Policy"/> names and the check of its
/// <see cref="AuthorizeAttribute.Roles"/>. CompiledMediator.AspNetCore registers one that evaluates both through ASP.NET
/// Core's <c>IAuthorizationService</c>, so an app keeps one set of policies. Register it with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IAuthorizationPolicySource, T&gt;())</c>.
/// </summary>
public interface IAuthorizationPolicySource
{
    /// <summary>The policy named <paramref name="name"/>, or null when this source does not evaluate policies.</summary>
    /// <param name="name">The name from <see cref="AuthorizeAttribute.Policy"/>.</param>
    /// <returns>A policy that checks the caller (and may look the name up when it runs), or null.</returns>
    IAuthorizationPolicy? FindPolicy(string name);

    /// <summary>
    /// A policy satisfied when the caller is in at least one of <paramref name="roles"/>, or null to let the middleware
    /// check <c>ClaimsPrincipal.IsInRole</c> itself.
    /// </summary>
    /// <param name="roles">The role names from <see cref="AuthorizeAttribute.Roles"/>, trimmed, at least one.</param>
    /// <returns>The role check, or null.</returns>
    IAuthorizationPolicy? FindRoleCheck(IReadOnlyList<string> roles);
}
