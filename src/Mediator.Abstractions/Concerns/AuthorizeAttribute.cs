using System;

namespace Mediator;

/// <summary>
/// Asks for the caller to be authorized before the message is handled: the authorization middleware checks
/// <see cref="Roles"/> and <see cref="Policy"/>, and the caching middleware keys cached answers by the caller.
/// A message carrying it without authorization in its pipeline is a compile error.
/// </summary>
[RequiresConcern(Concerns.Authorization, Severity = RuleSeverity.Error)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <summary>Comma-separated roles, any one of which admits the caller; null for none.</summary>
    public string? Roles { get; set; }

    /// <summary>The name of a policy the caller must satisfy; null for none.</summary>
    public string? Policy { get; set; }
}
