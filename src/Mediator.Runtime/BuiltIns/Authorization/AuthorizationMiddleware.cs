using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Authorization;

/// <summary>
/// Checks the caller (<see cref="ICallerAccessor"/>) against what the message requires: its
/// <see cref="AuthorizeAttribute"/> (authentication, then any of its roles, then its policy) and its own
/// <see cref="IAuthorizable.IsAuthorized"/>. Denies by default: a message that requires authorization and has no
/// authenticated caller is refused with <see cref="AuthorizationException"/> (<see cref="AuthorizationFailure.Unauthenticated"/>).
/// Messages that require nothing pass straight through. A stream (<c>CreateStream</c>) is checked the same way when the
/// caller starts reading, before the first item: a refused caller never reaches the handler.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Authorization, Concern = Concerns.Authorization)]
public sealed class AuthorizationMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
{
    private readonly ICallerAccessor _callers;
    private readonly bool _requiresAuthorization;
    private readonly string[] _roles;
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
        _policy = authorize?.Policy is { Length: > 0 } policy ? policies.Get(policy) : null;
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        if (!RequiresAuthorization(message)) return next.InvokeAsync(message, context);

        var caller = CheckCaller(message);
        return _policy is null ? next.InvokeAsync(message, context) : CheckPolicyThenInvokeAsync(caller, _policy, message, next, context);
    }

    /// <summary>
    /// Wraps a stream: a request that requires nothing passes through untouched; otherwise the caller is checked when
    /// reading starts, and the inner stream (and so the handler) is opened only once the check has passed.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => RequiresAuthorization(request) ? AuthorizedItemsAsync(request, next, context) : next.InvokeAsync(request, context).GetAsyncEnumerator();

    private async IAsyncEnumerator<TResult> AuthorizedItemsAsync<TNext>(TMessage request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TMessage, TResult>
    {
        var caller = CheckCaller(request);
        if (_policy is not null) await CheckPolicyAsync(caller, _policy, request, context).ConfigureAwait(false);

        await foreach (var item in next.InvokeAsync(request, context))
            yield return item;
    }

    private bool RequiresAuthorization(TMessage message) => _requiresAuthorization || message is IAuthorizable;

    /// <summary>Authentication, roles and the message's own check; the authenticated caller when all pass.</summary>
    private ClaimsPrincipal CheckCaller(TMessage message)
    {
        var caller = _callers.Caller;
        if (caller?.Identity?.IsAuthenticated != true)
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Unauthenticated, "authentication");

        if (_roles.Length > 0 && !IsInAnyRole(caller))
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Forbidden, "role in (" + string.Join(", ", _roles) + ")");

        if (message is IAuthorizable self && !self.IsAuthorized(caller))
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Forbidden, "the message's own check");

        return caller;
    }

    private static async ValueTask<TResult> CheckPolicyThenInvokeAsync<TNext>(ClaimsPrincipal caller, IAuthorizationPolicy policy, TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        await CheckPolicyAsync(caller, policy, message, context).ConfigureAwait(false);
        return await next.InvokeAsync(message, context).ConfigureAwait(false);
    }

    private static async ValueTask CheckPolicyAsync(ClaimsPrincipal caller, IAuthorizationPolicy policy, TMessage message, MessageContext context)
    {
        if (!await policy.IsSatisfiedAsync(caller, message!, context.CancellationToken).ConfigureAwait(false))
            throw new AuthorizationException(typeof(TMessage), AuthorizationFailure.Forbidden, "policy '" + policy.Name + "'");
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
