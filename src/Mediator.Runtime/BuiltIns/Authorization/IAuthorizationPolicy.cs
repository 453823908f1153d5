using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Authorization;

/// <summary>
/// A named requirement that <see cref="AuthorizeAttribute.Policy"/> refers to. Register implementations as
/// <see cref="IAuthorizationPolicy"/> services (<c>services.AddMediatorAuthorizationPolicy&lt;T&gt;()</c>); they are found by
/// <see cref="Name"/>, with no reflection.
/// </summary>
public interface IAuthorizationPolicy
{
    /// <summary>The name messages use in <c>[Authorize(Policy = "...")]</c> (ordinal comparison).</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="caller"/> satisfies this policy for <paramref name="message"/>.</summary>
    /// <param name="caller">The authenticated caller.</param>
    /// <param name="message">The message being sent.</param>
    /// <param name="cancellationToken">The dispatch's token.</param>
    /// <returns>True when satisfied.</returns>
    ValueTask<bool> IsSatisfiedAsync(ClaimsPrincipal caller, object message, CancellationToken cancellationToken);
}
