using System.Net;
using System.Security.Claims;
using Mediator.AspNetCore;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetCoreTests;

/// <summary>The caller every built-in keys on is the request's user.</summary>
public sealed class CallerTests
{
    [Fact]
    public async Task Cached_answers_are_kept_per_request_user()
    {
        using var app = new WebApp();

        var ann1 = await app.ClientAs("ann").GetStringAsync("/whoami");
        var bob = await app.ClientAs("bob").GetStringAsync("/whoami");
        var ann2 = await app.ClientAs("ann").GetStringAsync("/whoami");

        Assert.Equal("ann #1", ann1);
        Assert.Equal("bob #2", bob);
        Assert.Equal(ann1, ann2); // from the cache: the handler ran once per user
        Assert.Equal(2, app.Calls.Of("WhoAmI"));
    }

    [Fact]
    public async Task Each_request_user_has_a_rate_limit_bucket_of_its_own()
    {
        using var app = new WebApp();
        var ann = app.ClientAs("ann");
        for (var i = 0; i < 3; i++) await ann.GetAsync("/ping/" + i);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ann.GetAsync("/ping/x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs("bob").GetAsync("/ping/x")).StatusCode);
    }

    [Fact]
    public void The_request_user_replaces_the_caching_default_whatever_the_registration_order()
    {
        foreach (var cachingFirst in new[] { true, false })
        {
            var services = new ServiceCollection();
            if (cachingFirst) services.AddMediatorCaching();
            services.AddMediatorAspNetCore();
            if (!cachingFirst) services.AddMediatorCaching();
            using var provider = services.BuildServiceProvider();

            var http = provider.GetRequiredService<IHttpContextAccessor>();
            var caller = provider.GetRequiredService<ICallerAccessor>();
            Assert.IsType<HttpContextCallerAccessor>(caller);

            // Outside a request there is no caller: authorization refuses (401), rate limiting uses the anonymous bucket.
            Assert.Null(caller.Caller);
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ann")], "test"));
            http.HttpContext = new DefaultHttpContext { User = user };
            Assert.Same(user, caller.Caller);
            http.HttpContext = null;
        }
    }

    [Fact]
    public void Without_ASP_NET_Core_authorization_the_mediator_registry_and_IsInRole_decide()
    {
        var services = new ServiceCollection();
        services.AddMediatorAspNetCore(); // no AddAuthorization: no IAuthorizationService
        services.AddMediatorAuthorizationPolicy("Admins", caller => caller.IsInRole("admin"));
        using var provider = services.BuildServiceProvider();
        var policies = provider.GetRequiredService<AuthorizationPolicies>();

        Assert.IsType<DelegateAuthorizationPolicy>(policies.Get("Admins"));
        Assert.Null(policies.RoleCheck(["admin"]));
        var missing = Assert.Throws<InvalidOperationException>(() => policies.Get("Nobody"));
        Assert.Contains("'Nobody'", missing.Message, StringComparison.Ordinal);
    }
}
