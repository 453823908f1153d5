using Microsoft.AspNetCore.Authorization;

namespace WebTestApp;

public sealed class SameTenantRequirement : IAuthorizationRequirement;

/// <summary>An ASP.NET Core resource handler: the resource is the message, so the policy sees the invoice's tenant.</summary>
public sealed class SameTenantHandler : AuthorizationHandler<SameTenantRequirement, ReadInvoice>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameTenantRequirement requirement, ReadInvoice resource)
    {
        if (context.User.FindFirst("tenant")?.Value == resource.Tenant) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
