using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Mediator.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using IMediatorAuthorizationPolicy = Mediator.Authorization.IAuthorizationPolicy;

namespace Mediator.AspNetCore;

/// <summary>
/// Gives the authorization middleware ASP.NET Core's policies and role checks when the app registered ASP.NET Core
/// authorization (<c>AddAuthorization</c>, so <see cref="IAuthorizationService"/> is a service): one set of policies for
/// endpoints and messages. Without it this source gives nothing and the built-in registry and
/// <c>ClaimsPrincipal.IsInRole</c> decide, as in an app without ASP.NET Core.
/// </summary>
internal sealed class AspNetCorePolicySource : IAuthorizationPolicySource
{
    private readonly AuthorizationServices _services;
    private readonly bool _hasAspNetCoreAuthorization;

    public AspNetCorePolicySource(AuthorizationServices services, IServiceProviderIsService isService)
    {
        _services = services;
        _hasAspNetCoreAuthorization = isService.IsService(typeof(IAuthorizationService));
    }

    /// <summary>
    /// The ASP.NET Core policy named <paramref name="name"/>. It is looked up when it runs, so a name ASP.NET Core does
    /// not know fails there; <see cref="AuthorizationPolicyStartupCheck"/> finds such names when the host starts.
    /// </summary>
    public IMediatorAuthorizationPolicy? FindPolicy(string name)
        => _hasAspNetCoreAuthorization ? new NamedPolicy(name, _services) : null;

    /// <summary>The roles as ASP.NET Core's <c>RequireRole</c> policy, so its role handlers decide.</summary>
    public IMediatorAuthorizationPolicy? FindRoleCheck(IReadOnlyList<string> roles)
        => _hasAspNetCoreAuthorization
            ? new PolicyObject("role in (" + string.Join(", ", roles) + ")", new AuthorizationPolicyBuilder().RequireRole(roles).Build(), _services)
            : null;

    private sealed class NamedPolicy(string name, AuthorizationServices services) : IMediatorAuthorizationPolicy
    {
        public string Name => name;

        public ValueTask<bool> IsSatisfiedAsync(ClaimsPrincipal caller, object message, CancellationToken cancellationToken)
            => services.AuthorizeAsync(caller, message, name);
    }

    private sealed class PolicyObject(string name, AuthorizationPolicy policy, AuthorizationServices services) : IMediatorAuthorizationPolicy
    {
        public string Name => name;

        public ValueTask<bool> IsSatisfiedAsync(ClaimsPrincipal caller, object message, CancellationToken cancellationToken)
            => services.AuthorizeAsync(caller, message, policy);
    }
}
