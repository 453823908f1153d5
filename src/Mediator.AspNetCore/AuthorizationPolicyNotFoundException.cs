using System;
using System.Collections.Generic;
using System.Linq;

namespace Mediator.AspNetCore;

/// <summary>
/// Thrown when the host starts if a message's <c>[Authorize(Policy = "...")]</c> names a policy that neither ASP.NET
/// Core (<c>AddAuthorization(o =&gt; o.AddPolicy(...))</c>) nor the mediator's registry
/// (<c>AddMediatorAuthorizationPolicy</c>) has, or one that both have. The app does not start, instead of answering
/// 500 at the first request that needs the policy.
/// </summary>
public sealed class AuthorizationPolicyNotFoundException : InvalidOperationException
{
    /// <summary>Describes the problems found.</summary>
    /// <param name="missing">Each missing policy name with the message types that name it.</param>
    /// <param name="duplicated">Policy names registered both in ASP.NET Core and in the mediator's registry.</param>
    public AuthorizationPolicyNotFoundException(IReadOnlyDictionary<string, IReadOnlyList<Type>> missing, IReadOnlyList<string> duplicated)
        : base(Describe(missing, duplicated))
    {
        MissingPolicies = missing;
        DuplicatedPolicies = duplicated;
    }

    /// <summary>Each policy name no source has, with the message types whose <c>[Authorize]</c> names it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Type>> MissingPolicies { get; }

    /// <summary>Policy names registered both in ASP.NET Core and with <c>AddMediatorAuthorizationPolicy</c>: keep one.</summary>
    public IReadOnlyList<string> DuplicatedPolicies { get; }

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyList<Type>> missing, IReadOnlyList<string> duplicated)
    {
        var parts = new List<string>();
        foreach (var entry in missing.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            parts.Add("No authorization policy is named '" + entry.Key + "' (required by "
                      + string.Join(", ", entry.Value.Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal))
                      + "). Add it with builder.Services.AddAuthorization(o => o.AddPolicy(\"" + entry.Key + "\", ...)), or fix the name in [Authorize(Policy = ...)].");
        }

        foreach (var name in duplicated.OrderBy(n => n, StringComparer.Ordinal))
        {
            parts.Add("The authorization policy '" + name + "' is registered both in ASP.NET Core (AddAuthorization) and with AddMediatorAuthorizationPolicy; the mediator would use the second, endpoints the first. Keep one.");
        }

        return string.Join(" ", parts);
    }
}
