using System;
using System.Collections.Generic;

namespace Mediator.Authorization;

/// <summary>
/// The registered <see cref="IAuthorizationPolicy"/> services, by name, then the registered
/// <see cref="IAuthorizationPolicySource"/> services (ASP.NET Core's policies, with CompiledMediator.AspNetCore).
/// </summary>
public sealed class AuthorizationPolicies
{
    private readonly Dictionary<string, IAuthorizationPolicy> _byName = new(StringComparer.Ordinal);
    private readonly IAuthorizationPolicySource[] _sources;

    /// <summary>Indexes the policies; no other source.</summary>
    /// <param name="policies">Every registered policy.</param>
    /// <exception cref="InvalidOperationException">Two policies share a name.</exception>
    public AuthorizationPolicies(IEnumerable<IAuthorizationPolicy> policies)
        : this(policies, [])
    {
    }

    /// <summary>Indexes the policies and keeps the other sources, asked in order after them.</summary>
    /// <param name="policies">Every registered policy.</param>
    /// <param name="sources">Every registered policy source.</param>
    /// <exception cref="InvalidOperationException">Two policies share a name.</exception>
    public AuthorizationPolicies(IEnumerable<IAuthorizationPolicy> policies, IEnumerable<IAuthorizationPolicySource> sources)
    {
        _sources = [.. sources ?? throw new ArgumentNullException(nameof(sources))];
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
    {
        if (_byName.TryGetValue(name, out var policy)) return policy;
        foreach (var source in _sources)
        {
            if (source.FindPolicy(name) is { } found) return found;
        }

        throw new InvalidOperationException("No authorization policy is named '" + name + "'. Register one with services.AddMediatorAuthorizationPolicy(...).");
    }

    /// <summary>Whether a policy named <paramref name="name"/> was registered with <c>AddMediatorAuthorizationPolicy</c> (the other sources are not asked).</summary>
    /// <param name="name">The policy name.</param>
    /// <returns>True when registered here.</returns>
    public bool IsRegistered(string name) => _byName.ContainsKey(name);

    /// <summary>
    /// The first source's check of <paramref name="roles"/>, or null when no source checks roles: the middleware then
    /// checks <c>ClaimsPrincipal.IsInRole</c> itself.
    /// </summary>
    /// <param name="roles">The role names, at least one.</param>
    /// <returns>The role check, or null.</returns>
    public IAuthorizationPolicy? RoleCheck(IReadOnlyList<string> roles)
    {
        foreach (var source in _sources)
        {
            if (source.FindRoleCheck(roles) is { } check) return check;
        }

        return null;
    }
}
