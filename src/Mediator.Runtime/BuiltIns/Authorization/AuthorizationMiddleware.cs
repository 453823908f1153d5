using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Authorization;

/// <summary>
/// Checks the caller (<see cref="ICallerAccessor"/>) against what the message requires: its
/// <see cref="AuthorizeAttribute"/> (authentication, then any of its roles, then its policy) and its own
/// <see cref="IAuthorizable.IsAuthorized"/>. Roles and policies come from <see cref="AuthorizationPolicies"/>: the
/// registered policies, then any <see cref="IAuthorizationPolicySource"/> (ASP.NET Core's, with CompiledMediator.AspNetCore). Denies by default: a message that requires authorization and has no
/// authenticated caller is refused with <see cref="AuthorizationException"/> (<see cref="AuthorizationFailure.Unauthenticated"/>).
/// Messages that require nothing pass straight through. A stream (<c>CreateStream</c>) is checked the same way when the
/// caller starts reading, before the first item: a refused caller never reaches the handler.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Authorization, Concern = Concerns.Authorization)]
public sealed class AuthorizationMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>, IStreamOpeningCheck<TMessage>
{
    private readonly ICallerAccessor _callers;
    private readonly bool _requiresAuthorization;
    private readonly string[] _roles;
    private readonly IAuthorizationPolicy? _roleCheck; // null: ClaimsPrincipal.IsInRole, checked synchronously
    private readonly IAuthorizationPolicy? _policy;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="authorize">The message's <see cref="AuthorizeAttribute"/>, or null when it has none.</param>
    /// <param name="callers">Who is sending.</param>
    /// <param name="policies">The named policies.</param>
    /// <exception cref="InvalidOperationException">The attribute names a policy that is not registered.</exception>
    public AuthorizationMiddleware(AuthorizeAttribute? authorize, ICallerAccessor callers, AuthorizationPolicies policies)
    {
        _callers = callers ?? throw new ArgumentNullException(nameof(callers));
        _requiresAuthorization = authorize is not null || typeof(IAuthorizable).IsAssignableFrom(typeof(TMessage));
        _roles = authorize?.Roles is { Length: > 0 } roles
            ? roles.Split([','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        if (policies is null) throw new ArgumentNullException(nameof(policies));
        _roleCheck = _roles.Length > 0 ? policies.RoleCheck(_roles) : null;
        _policy = authorize?.Policy is { Length: > 0 } policy ? policies.Get(policy) : null;
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        if (!RequiresAuthorization(message)) return next.InvokeAsync(message, context);

        var caller = Authenticated();
        if (_roleCheck is null)
        {
            // Roles and the message's own check are synchronous here: no state machine unless a policy needs one.
            CheckRolesInProcess(caller);
            CheckSelf(caller, message);
            if (_policy is null) return next.InvokeAsync(message, context);
        }

        return CheckThenInvokeAsync(caller, message, next, context);
    }

    /// <summary>
    /// Wraps a stream: a request that requires nothing passes through untouched; otherwise the caller is checked when
    /// reading starts, and the inner stream (and so the handler) is opened only once the check has passed.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => RequiresAuthorization(request)
            ? new CheckedStreamEnumerator<TMessage, TResult, TNext, AuthorizationMiddleware<TMessage, TResult>>(this, request, next, context)
            : next.InvokeAsync(request, context).GetAsyncEnumerator();

    /// <summary>The stream's check, run in the caller's first read: the caller, then the policy.</summary>
    ValueTask IStreamOpeningCheck<TMessage>.CheckAsync(TMessage request, MessageContext context)
    {
        var caller = Authenticated();
        if (_roleCheck is null)
        {
            CheckRolesInProcess(caller);
            CheckSelf(caller, request);
            if (_policy is null) return default;
        }

        return CheckAsync(caller, request, context);
    }

    private bool RequiresAuthorization(TMessage message) => _requiresAuthorization || message is IAuthorizable;

    /// <summary>The authenticated caller; deny by default when there is none.</summary>
    private ClaimsPrincipal Authenticated()
    {
        var caller = _callers.Caller;
        if (caller?.Identity?.IsAuthenticated != true)
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Unauthenticated, "authentication");
        return caller;
    }

    private void CheckRolesInProcess(ClaimsPrincipal caller)
    {
        if (_roles.Length > 0 && !IsInAnyRole(caller)) throw RolesRefused();
    }

    private static void CheckSelf(ClaimsPrincipal caller, TMessage message)
    {
        if (message is IAuthorizable self && !self.IsAuthorized(caller))
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Forbidden, "the message's own check");
    }

    private AuthorizationException RolesRefused()
        => new(typeof(TMessage), AuthorizationFailure.Forbidden, "role in (" + string.Join(", ", _roles) + ")");

    private async ValueTask<TResult> CheckThenInvokeAsync<TNext>(ClaimsPrincipal caller, TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        await CheckAsync(caller, message, context).ConfigureAwait(false);
        return await next.InvokeAsync(message, context).ConfigureAwait(false);
    }

    /// <summary>
    /// What is left after authentication: with a role check from a source, the roles through it and then the message's
    /// own check (the synchronous path's order); the policy in every case.
    /// </summary>
    private async ValueTask CheckAsync(ClaimsPrincipal caller, TMessage message, MessageContext context)
    {
        if (_roleCheck is not null)
        {
            if (!await _roleCheck.IsSatisfiedAsync(caller, message!, context.CancellationToken).ConfigureAwait(false))
                throw RolesRefused();
            CheckSelf(caller, message);
        }

        if (_policy is not null && !await _policy.IsSatisfiedAsync(caller, message!, context.CancellationToken).ConfigureAwait(false))
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Forbidden, "policy '" + _policy.Name + "'");
    }

    private bool IsInAnyRole(ClaimsPrincipal caller)
    {
        foreach (var role in _roles)
        {
            if (caller.IsInRole(role)) return true;
        }

        return false;
    }
}
