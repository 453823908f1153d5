using System.Security.Claims;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;

namespace RuntimeTests.BuiltIns.Authorization;

/// <summary>
/// An <see cref="IAuthorizationPolicySource"/> (what CompiledMediator.AspNetCore plugs ASP.NET Core in through): its role
/// check replaces IsInRole, its policies come after the registered ones, and without one nothing changes.
/// </summary>
public sealed class AuthorizationPolicySourceTests
{
    public sealed record Report(string Owner) : IAuthorizable
    {
        public bool IsAuthorized(ClaimsPrincipal caller) => caller.FindFirst(ClaimTypes.NameIdentifier)?.Value == Owner;
    }

    /// <summary>Says yes or no to everything it is asked, and records what.</summary>
    private sealed class Source(bool rolesPass, bool policiesPass) : IAuthorizationPolicySource
    {
        public List<string> Asked { get; } = [];

        public IAuthorizationPolicy? FindPolicy(string name) => new Fixed(name, policiesPass, Asked);

        public IAuthorizationPolicy? FindRoleCheck(IReadOnlyList<string> roles) => new Fixed("roles " + string.Join("+", roles), rolesPass, Asked);
    }

    private sealed class Fixed(string name, bool answer, List<string> asked) : IAuthorizationPolicy
    {
        public string Name => name;

        public ValueTask<bool> IsSatisfiedAsync(ClaimsPrincipal caller, object message, CancellationToken cancellationToken)
        {
            asked.Add(name);
            return new(answer);
        }
    }

    private static async Task<(string? Result, AuthorizationException? Refusal)> Send(AuthorizeAttribute authorize, string user, string[] roles, AuthorizationPolicies policies)
    {
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User(user, roles) };
        var middleware = new AuthorizationMiddleware<Report, string>(authorize, callers, policies);
        var next = new TestNext<Report, string>((_, _) => new ValueTask<string>("handled"));
        try
        {
            return (await middleware.InvokeAsync(new Report("ann"), next, new MessageContext(typeof(Report), CancellationToken.None)), null);
        }
        catch (AuthorizationException refusal)
        {
            return (null, refusal);
        }
    }

    [Fact]
    public async Task The_sources_role_check_decides_instead_of_IsInRole()
    {
        var source = new Source(rolesPass: true, policiesPass: true);
        var policies = new AuthorizationPolicies([], [source]);

        // Not in the role by its claims, but the source says yes.
        Assert.Equal("handled", (await Send(new AuthorizeAttribute { Roles = "admin, auditor" }, "ann", [], policies)).Result);
        Assert.Equal(["roles admin+auditor"], source.Asked);
    }

    [Fact]
    public async Task A_role_check_that_fails_is_forbidden_with_the_roles_and_the_message_check_is_not_reached()
    {
        var source = new Source(rolesPass: false, policiesPass: true);

        var refusal = (await Send(new AuthorizeAttribute { Roles = "admin" }, "bob", ["admin"], new AuthorizationPolicies([], [source]))).Refusal;

        Assert.Equal(AuthorizationFailure.Forbidden, refusal?.Failure);
        Assert.Equal("role in (admin)", refusal?.Requirement);
    }

    [Fact]
    public async Task After_the_sources_role_check_the_message_still_checks_itself()
    {
        var source = new Source(rolesPass: true, policiesPass: true);

        var refusal = (await Send(new AuthorizeAttribute { Roles = "admin" }, "bob", [], new AuthorizationPolicies([], [source]))).Refusal;

        Assert.Equal("the message's own check", refusal?.Requirement);
    }

    [Fact]
    public async Task A_policy_registered_with_the_mediator_comes_before_the_source()
    {
        var source = new Source(rolesPass: true, policiesPass: true);
        var registered = new DelegateAuthorizationPolicy("Owners", _ => false);
        var policies = new AuthorizationPolicies([registered], [source]);

        Assert.Same(registered, policies.Get("Owners"));
        Assert.Equal("policy 'Owners'", (await Send(new AuthorizeAttribute { Policy = "Owners" }, "ann", [], policies)).Refusal?.Requirement);
        Assert.Empty(source.Asked);

        // A name only the source has is the source's.
        Assert.Equal("handled", (await Send(new AuthorizeAttribute { Policy = "Elsewhere" }, "ann", [], policies)).Result);
        Assert.Equal(["Elsewhere"], source.Asked);
    }

    [Fact]
    public void Without_a_source_roles_stay_with_IsInRole_and_an_unknown_policy_fails_when_the_pipeline_is_built()
    {
        var policies = new AuthorizationPolicies([]);

        Assert.Null(policies.RoleCheck(["admin"]));
        Assert.False(policies.IsRegistered("Owners"));
        var error = Assert.Throws<InvalidOperationException>(
            () => new AuthorizationMiddleware<Report, string>(new AuthorizeAttribute { Policy = "Owners" }, new SettableCallerAccessor(), policies));
        Assert.Contains("'Owners'", error.Message, StringComparison.Ordinal);
    }
}
