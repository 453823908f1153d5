using Mediator.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AspNetCoreTests;

/// <summary>A policy name no one registered (or two registered) stops the host when it starts, not at the first request.</summary>
public sealed class StartupCheckTests
{
    [Fact]
    public void A_policy_name_the_app_never_registered_stops_the_host_naming_it_and_the_message()
    {
        using var app = new WebApp(services => services.AddSingleton<IAuthorizationPolicyProvider, ProviderWithout>());

        var error = Assert.Throws<AuthorizationPolicyNotFoundException>(() => app.CreateClient());

        Assert.Equal(["Auditors"], error.MissingPolicies.Keys);
        Assert.Equal([typeof(WebTestApp.ReadAudit)], error.MissingPolicies["Auditors"]);
        Assert.Contains("No authorization policy is named 'Auditors' (required by WebTestApp.ReadAudit)", error.Message, StringComparison.Ordinal);
        Assert.Empty(error.DuplicatedPolicies);
    }

    [Fact]
    public void A_policy_registered_in_ASP_NET_Core_and_in_the_mediator_registry_stops_the_host()
    {
        using var app = new WebApp(services => services.AddMediatorAuthorizationPolicy("Auditors", _ => true));

        var error = Assert.Throws<AuthorizationPolicyNotFoundException>(() => app.CreateClient());

        Assert.Equal(["Auditors"], error.DuplicatedPolicies);
        Assert.Empty(error.MissingPolicies);
        Assert.Contains("'Auditors' is registered both in ASP.NET Core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_policy_registered_once_lets_the_host_start()
    {
        using var app = new WebApp();

        using var client = app.CreateClient();
    }

    /// <summary>ASP.NET Core's policies without "Auditors", as if the app had never added it.</summary>
    private sealed class ProviderWithout(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
    {
        public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
            => policyName == "Auditors" ? Task.FromResult<AuthorizationPolicy?>(null) : base.GetPolicyAsync(policyName);
    }
}
