namespace Mediator.Authorization;

/// <summary>Why the authorization middleware refused a dispatch.</summary>
public enum AuthorizationFailure
{
    /// <summary>There is no authenticated caller (HTTP 401).</summary>
    Unauthenticated = 0,

    /// <summary>The caller is known but lacks a required role, fails a policy or the message's own check (HTTP 403).</summary>
    Forbidden = 1,
}
