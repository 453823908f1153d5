using System;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Authorization;

/// <summary>An <see cref="IAuthorizationPolicy"/> made of a name and a check of the caller.</summary>
public sealed class DelegateAuthorizationPolicy : IAuthorizationPolicy
{
    private readonly Func<ClaimsPrincipal, bool> _requirement;

    /// <summary>Creates the policy.</summary>
    /// <param name="name">The policy name.</param>
    /// <param name="requirement">True when the caller satisfies the policy.</param>
    public DelegateAuthorizationPolicy(string name, Func<ClaimsPrincipal, bool> requirement)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A policy needs a name.", nameof(name)) : name;
        _requirement = requirement ?? throw new ArgumentNullException(nameof(requirement));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ValueTask<bool> IsSatisfiedAsync(ClaimsPrincipal caller, object message, CancellationToken cancellationToken)
        => new(_requirement(caller));
}
