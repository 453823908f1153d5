using Mediator;
using Mediator.Authorization;
using Mediator.Caching;
using Mediator.Validation;

namespace WebTestApp;

/// <summary>No requirement: only the rate limit (per caller) refuses it.</summary>
public sealed record Ping(string Text) : IRequest<Pong>;

public sealed record Pong(string Text, string? Caller);

/// <summary>Checks itself: an empty name or a quantity below one is refused with 400.</summary>
public sealed record CreateOrder(string Name, int Quantity) : IRequest<OrderCreated>, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "must not be empty");
        errors.Require(Quantity >= 1, nameof(Quantity), "must be at least 1");
        errors.Require(Quantity <= 100, nameof(Quantity), "must be at most 100");
    }
}

public sealed record OrderCreated(string Name, int Quantity);

/// <summary>Any authenticated caller.</summary>
[Authorize]
public sealed record GetProfile : IRequest<string>;

/// <summary>Admins only (a role, checked by ASP.NET Core's role handler).</summary>
[Authorize(Roles = "admin")]
public sealed record DeleteUser(string Id) : IRequest<string>;

/// <summary>An ASP.NET Core policy: the caller's department claim is "audit".</summary>
[Authorize(Policy = "Auditors")]
public sealed record ReadAudit : IRequest<string>;

/// <summary>An ASP.NET Core policy with a resource handler: the message itself is the resource.</summary>
[Authorize(Policy = "SameTenant")]
public sealed record ReadInvoice(string Tenant, int Id) : IRequest<string>;

/// <summary>Cached for a minute, per caller: each user gets the answer computed for them.</summary>
[Authorize]
[Cache(DurationSeconds = 60)]
public sealed record WhoAmI : IRequest<string>;
