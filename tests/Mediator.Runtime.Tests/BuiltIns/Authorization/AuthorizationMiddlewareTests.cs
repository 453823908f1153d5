using System.Security.Claims;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests.BuiltIns.Authorization;

/// <summary>Deny by default, roles, named policies and the message's own check; the handler runs only when allowed.</summary>
public sealed class AuthorizationMiddlewareTests
{
    public sealed record PublicQuery;

    public sealed record DeleteInvoice(string Tenant);

    public sealed record CancelOrder(string OwnerId) : IAuthorizable
    {
        public int Checks { get; private set; }

        public bool IsAuthorized(ClaimsPrincipal caller)
        {
            Checks++;
            return caller.FindFirst(ClaimTypes.NameIdentifier)?.Value == OwnerId;
        }
    }

    /// <summary>Satisfied when the caller's tenant claim matches the message's tenant.</summary>
    private sealed class SameTenantPolicy : IAuthorizationPolicy
    {
        public string Name => "SameTenant";

        public List<object> Seen { get; } = [];

        public ValueTask<bool> IsSatisfiedAsync(ClaimsPrincipal caller, object message, CancellationToken cancellationToken)
        {
            Seen.Add(message);
            return new(message is DeleteInvoice invoice && caller.HasClaim("tenant", invoice.Tenant));
        }
    }

    private static readonly SettableCallerAccessor Callers = new();

    private static AuthorizationMiddleware<T, string> Create<T>(AuthorizeAttribute? authorize, SettableCallerAccessor callers, params IAuthorizationPolicy[] policies)
        => new(authorize, callers, new AuthorizationPolicies(policies));

    private static async Task<(string? Result, int Calls)> Send<T>(AuthorizationMiddleware<T, string> middleware, T message)
    {
        var calls = 0;
        var next = new TestNext<T, string>((_, _) => { calls++; return new ValueTask<string>("handled"); });
        var result = await middleware.InvokeAsync(message, next, new MessageContext(typeof(T), CancellationToken.None));
        return (result, calls);
    }

    private static async Task<AuthorizationException> Refused<T>(AuthorizationMiddleware<T, string> middleware, T message)
    {
        var calls = 0;
        var next = new TestNext<T, string>((_, _) => { calls++; return new ValueTask<string>("handled"); });
        var refusal = await Assert.ThrowsAsync<AuthorizationException>(async () => await middleware.InvokeAsync(message, next, new MessageContext(typeof(T), CancellationToken.None)));
        Assert.Equal(0, calls);
        return refusal;
    }

    [Fact]
    public async Task A_message_that_requires_nothing_passes_without_a_caller()
    {
        var middleware = Create<PublicQuery>(null, new SettableCallerAccessor());

        Assert.Equal(("handled", 1), await Send(middleware, new PublicQuery()));
    }

    [Fact]
    public async Task Deny_by_default_a_message_with_Authorize_and_no_caller_is_unauthenticated()
    {
        var middleware = Create<DeleteInvoice>(new AuthorizeAttribute(), new SettableCallerAccessor());

        var refusal = await Refused(middleware, new DeleteInvoice("t1"));

        Assert.Equal(AuthorizationFailure.Unauthenticated, refusal.Failure);
        Assert.Equal(typeof(DeleteInvoice), refusal.MessageType);
    }

    [Fact]
    public async Task A_principal_that_is_not_authenticated_counts_as_no_caller()
    {
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.Unauthenticated("alice") };
        var middleware = Create<DeleteInvoice>(new AuthorizeAttribute(), callers);

        Assert.Equal(AuthorizationFailure.Unauthenticated, (await Refused(middleware, new DeleteInvoice("t1"))).Failure);
    }

    [Fact]
    public async Task Any_authenticated_caller_passes_an_Authorize_without_roles_or_policy()
    {
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("alice") };
        var middleware = Create<DeleteInvoice>(new AuthorizeAttribute(), callers);

        Assert.Equal(("handled", 1), await Send(middleware, new DeleteInvoice("t1")));
    }

    [Fact]
    public async Task Roles_admit_a_caller_in_any_of_them_and_forbid_the_others()
    {
        var callers = new SettableCallerAccessor();
        var middleware = Create<DeleteInvoice>(new AuthorizeAttribute { Roles = "admin, auditor" }, callers);

        callers.Caller = SettableCallerAccessor.User("alice", "auditor");
        Assert.Equal(("handled", 1), await Send(middleware, new DeleteInvoice("t1")));

        callers.Caller = SettableCallerAccessor.User("bob", "clerk");
        var refusal = await Refused(middleware, new DeleteInvoice("t1"));
        Assert.Equal(AuthorizationFailure.Forbidden, refusal.Failure);
        Assert.Equal("role in (admin, auditor)", refusal.Requirement);
    }

    [Fact]
    public async Task A_named_policy_sees_the_caller_and_the_message()
    {
        var policy = new SameTenantPolicy();
        var callers = new SettableCallerAccessor();
        var middleware = Create<DeleteInvoice>(new AuthorizeAttribute { Policy = "SameTenant" }, callers, policy);
        callers.Caller = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "alice"), new Claim("tenant", "t1")], "test"));

        Assert.Equal(("handled", 1), await Send(middleware, new DeleteInvoice("t1")));
        var refusal = await Refused(middleware, new DeleteInvoice("t2"));

        Assert.Equal(AuthorizationFailure.Forbidden, refusal.Failure);
        Assert.Equal("policy 'SameTenant'", refusal.Requirement);
        Assert.Equal([new DeleteInvoice("t1"), new DeleteInvoice("t2")], policy.Seen);
    }

    [Fact]
    public void A_policy_that_is_not_registered_fails_when_the_pipeline_is_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Create<DeleteInvoice>(new AuthorizeAttribute { Policy = "Missing" }, Callers));

        Assert.Contains("'Missing'", error.Message);
    }

    [Fact]
    public void Two_policies_with_one_name_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AuthorizationPolicies([new SameTenantPolicy(), new SameTenantPolicy()]));

        Assert.Contains("'SameTenant'", error.Message);
    }

    [Fact]
    public async Task The_messages_own_check_runs_for_authenticated_callers_only()
    {
        var callers = new SettableCallerAccessor();
        var middleware = Create<CancelOrder>(null, callers);
        var order = new CancelOrder("alice");

        var anonymous = await Refused(middleware, order);
        Assert.Equal(AuthorizationFailure.Unauthenticated, anonymous.Failure);
        Assert.Equal(0, order.Checks);

        callers.Caller = SettableCallerAccessor.User("bob");
        var forbidden = await Refused(middleware, order);
        Assert.Equal(AuthorizationFailure.Forbidden, forbidden.Failure);
        Assert.Equal("the message's own check", forbidden.Requirement);

        callers.Caller = SettableCallerAccessor.User("alice");
        Assert.Equal(("handled", 1), await Send(middleware, order));
        Assert.Equal(2, order.Checks);
    }

    [Fact]
    public async Task Registered_policies_are_found_by_name_through_the_container()
    {
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("alice", "admin") };
        var services = new ServiceCollection();
        services.AddSingleton<ICallerAccessor>(callers);
        services.AddMediatorAuthorizationPolicy("Admins", caller => caller.IsInRole("admin"));
        services.AddMediatorAuthorizationPolicy<SameTenantPolicy>();
        services.AddMediatorAuthorizationPolicy<SameTenantPolicy>(); // registered once
        using var provider = services.BuildServiceProvider();

        var policies = provider.GetRequiredService<AuthorizationPolicies>();
        var middleware = new AuthorizationMiddleware<DeleteInvoice, string>(new AuthorizeAttribute { Policy = "Admins" }, callers, policies);

        Assert.Equal("SameTenant", policies.Get("SameTenant").Name);
        Assert.Equal(("handled", 1), await Send(middleware, new DeleteInvoice("t1")));
        callers.Caller = SettableCallerAccessor.User("bob");
        Assert.Equal(AuthorizationFailure.Forbidden, (await Refused(middleware, new DeleteInvoice("t1"))).Failure);
    }
}
