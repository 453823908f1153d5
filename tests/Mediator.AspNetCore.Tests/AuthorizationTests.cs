using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AspNetCoreTests;

/// <summary>[Authorize] on messages evaluated by ASP.NET Core's IAuthorizationService: its policies, its role handlers.</summary>
public sealed class AuthorizationTests
{
    [Fact]
    public async Task A_policy_named_on_a_message_is_the_ASP_NET_Core_policy_of_that_name()
    {
        using var app = new WebApp();

        var refused = await Problem.Read(await app.ClientAs("kim", department: "sales").GetAsync("/audit"));
        refused.AssertProblem(403, "Forbidden");
        Assert.Equal(0, app.Calls.Of("ReadAudit"));

        var allowed = await app.ClientAs("lee", department: "audit").GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(1, app.Calls.Of("ReadAudit"));
    }

    [Fact]
    public async Task An_ASP_NET_Core_resource_handler_sees_the_message_as_its_resource()
    {
        using var app = new WebApp();

        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs("max", tenant: "acme").GetAsync("/tenants/acme/invoices/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs("max", tenant: "acme").GetAsync("/tenants/globex/invoices/1")).StatusCode);
        Assert.Equal(1, app.Calls.Of("ReadInvoice"));
    }

    [Fact]
    public async Task Roles_are_decided_by_ASP_NET_Core_role_handlers()
    {
        // An app-wide rule written once, for endpoints and messages alike: the "root" department holds every role.
        using var app = new WebApp(services => services.AddSingleton<IAuthorizationHandler, RootHoldsEveryRole>());

        var response = await app.ClientAs("ned", roles: "clerk", department: "root").DeleteAsync("/users/7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, app.Calls.Of("DeleteUser"));
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_before_any_policy_runs()
    {
        using var app = new WebApp();

        var problem = await Problem.Read(await app.ClientAs(null).GetAsync("/audit"));

        problem.AssertProblem(401, "Unauthorized");
    }

    private sealed class RootHoldsEveryRole : AuthorizationHandler<RolesAuthorizationRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RolesAuthorizationRequirement requirement)
        {
            if (context.User.HasClaim("department", "root")) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
