using System;
using System.Collections.Generic;

namespace Mediator.Authorization;

/// <summary>The registered <see cref="IAuthorizationPolicy"/> services, by name.</summary>
public sealed class AuthorizationPolicies
{
    private readonly Dictionary<string, IAuthorizationPolicy> _byName = new(StringComparer.Ordinal);

    /// <summary>Indexes the policies.</summary>
    /// <param name="policies">Every registered policy.</param>
    /// <exception cref="InvalidOperationException">Two policies share a name.</exception>
    public AuthorizationPolicies(IEnumerable<IAuthorizationPolicy> policies)
    {
        foreach (var policy in policies ?? throw new ArgumentNullException(nameof(policies)))
        {
            if (_byName.ContainsKey(policy.Name))
                throw new InvalidOperationException("Two authorization policies are named '" + policy.Name + "': names must be unique.");
            _byName.Add(policy.Name, policy);
        }
    }

    /// <summary>The policy named <paramref name="name"/>.</summary>
    /// <param name="name">The name from <see cref="AuthorizeAttribute.Policy"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="InvalidOperationException">
    /// No policy has that name: a configuration error, raised when the pipeline is built so that it never turns into an
    /// open door.
    /// </exception>
    public IAuthorizationPolicy Get(string name)
        => _byName.TryGetValue(name, out var policy)
            ? policy
            : throw new InvalidOperationException("No authorization policy is named '" + name + "'. Register one with services.AddMediatorAuthorizationPolicy(...).");
}
