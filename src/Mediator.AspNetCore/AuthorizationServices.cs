using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.AspNetCore;

/// <summary>
/// Runs ASP.NET Core's <see cref="IAuthorizationService"/> from the request's services, as ASP.NET Core's own
/// authorization middleware does: its handlers may be scoped (a handler that queries a DbContext), so the service is
/// never captured by the singleton pipelines. Outside a request it runs in a scope of its own.
/// </summary>
internal sealed class AuthorizationServices
{
    private readonly IHttpContextAccessor _http;
    private readonly IServiceScopeFactory _scopes;

    public AuthorizationServices(IHttpContextAccessor http, IServiceScopeFactory scopes)
    {
        _http = http;
        _scopes = scopes;
    }

    /// <summary>Whether <paramref name="caller"/> satisfies the policy named <paramref name="policyName"/> for <paramref name="message"/> (the resource).</summary>
    public ValueTask<bool> AuthorizeAsync(ClaimsPrincipal caller, object message, string policyName)
        => RunAsync(static (service, caller, message, state) => service.AuthorizeAsync(caller, message, (string)state), caller, message, policyName);

    /// <summary>Whether <paramref name="caller"/> satisfies <paramref name="policy"/> for <paramref name="message"/> (the resource).</summary>
    public ValueTask<bool> AuthorizeAsync(ClaimsPrincipal caller, object message, AuthorizationPolicy policy)
        => RunAsync(static (service, caller, message, state) => service.AuthorizeAsync(caller, message, (AuthorizationPolicy)state), caller, message, policy);

    private async ValueTask<bool> RunAsync(
        Func<IAuthorizationService, ClaimsPrincipal, object, object, Task<AuthorizationResult>> authorize, ClaimsPrincipal caller, object message, object state)
    {
        if (_http.HttpContext?.RequestServices is { } requestServices)
        {
            var result = await authorize(requestServices.GetRequiredService<IAuthorizationService>(), caller, message, state).ConfigureAwait(false);
            return result.Succeeded;
        }

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var result = await authorize(scope.ServiceProvider.GetRequiredService<IAuthorizationService>(), caller, message, state).ConfigureAwait(false);
            return result.Succeeded;
        }
    }
}
