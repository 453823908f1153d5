using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator.Authorization;
using Microsoft.AspNetCore.Authorization;
using MessageAuthorizeAttribute = Mediator.Authorization.AuthorizeAttribute;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mediator.AspNetCore;

/// <summary>
/// When the host starts, finds every policy name the mediator's messages use in <c>[Authorize(Policy = "...")]</c> and
/// checks that exactly one place has it: ASP.NET Core's policy provider or the mediator's registry. A name in neither
/// (a typo, a policy never added) or in both stops the host with <see cref="AuthorizationPolicyNotFoundException"/>.
/// Without this the first request needing the policy would fail with a 500.
/// </summary>
internal sealed class AuthorizationPolicyStartupCheck : IHostedService
{
    private readonly IServiceScopeFactory _scopes;

    public AuthorizationPolicyStartupCheck(IServiceScopeFactory scopes) => _scopes = scopes;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var services = scope.ServiceProvider;
            if (services.GetService<IMediator>() is not { } mediator) return; // AddMediator() not called: nothing dispatches

            var used = PolicyNamesUsed(mediator.GetType());
            if (used.Count == 0) return;

            var registry = services.GetService<AuthorizationPolicies>();
            var aspNetCore = services.GetService<IAuthorizationPolicyProvider>();
            var missing = new Dictionary<string, IReadOnlyList<Type>>(StringComparer.Ordinal);
            var duplicated = new List<string>();
            foreach (var (name, messages) in used)
            {
                var inRegistry = registry?.IsRegistered(name) == true;
                var inAspNetCore = aspNetCore is not null && await aspNetCore.GetPolicyAsync(name).ConfigureAwait(false) is not null;
                if (!inRegistry && !inAspNetCore) missing.Add(name, messages);
                else if (inRegistry && inAspNetCore) duplicated.Add(name);
            }

            if (missing.Count > 0 || duplicated.Count > 0) throw new AuthorizationPolicyNotFoundException(missing, duplicated);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Dictionary<string, IReadOnlyList<Type>> PolicyNamesUsed(Type mediator)
    {
        var used = new Dictionary<string, List<Type>>(StringComparer.Ordinal);
        foreach (var message in MediatorMessageTypes.Of(mediator))
        {
            // inherit: true, as the attribute's usage declares (Inherited = true).
            if (Attribute.GetCustomAttribute(message, typeof(MessageAuthorizeAttribute), inherit: true) is MessageAuthorizeAttribute { Policy: { Length: > 0 } policy })
            {
                if (!used.TryGetValue(policy, out var messages)) used.Add(policy, messages = []);
                messages.Add(message);
            }
        }

        var result = new Dictionary<string, IReadOnlyList<Type>>(StringComparer.Ordinal);
        foreach (var entry in used) result.Add(entry.Key, entry.Value);
        return result;
    }
}
