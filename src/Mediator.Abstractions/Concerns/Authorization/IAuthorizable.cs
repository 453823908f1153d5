using System.Security.Claims;

namespace Mediator.Authorization;

/// <summary>
/// A message that decides itself whether a caller may send it, from what it carries (for example "only the owner may
/// cancel this order"). The built-in authorization middleware calls <see cref="IsAuthorized"/> with the authenticated
/// caller after the checks of <see cref="AuthorizeAttribute"/>, if any; a message implementing it needs that middleware
/// in its pipeline (compile error otherwise), and an anonymous caller never reaches this method.
/// <code>
/// public sealed record CancelOrder(Guid Id, string OwnerId) : IRequest, IAuthorizable
/// {
///     public bool IsAuthorized(ClaimsPrincipal caller) => caller.FindFirst(ClaimTypes.NameIdentifier)?.Value == OwnerId;
/// }
/// </code>
/// </summary>
[RequiresConcern(Concerns.Authorization, Severity = RuleSeverity.Error)]
public interface IAuthorizable
{
    /// <summary>Whether <paramref name="caller"/> may send this message.</summary>
    /// <param name="caller">The authenticated caller.</param>
    /// <returns>True to let the dispatch through; false to refuse it as forbidden.</returns>
    bool IsAuthorized(ClaimsPrincipal caller);
}
