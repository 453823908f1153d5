using Microsoft.AspNetCore.Authorization;

namespace WebApi.Http;

/// <summary>
/// The app's ASP.NET Core authorization policies. Messages name them in <c>[Authorize(Policy = ...)]</c> and the
/// authorization built-in evaluates them through <c>IAuthorizationService</c>: one set of policies for endpoints and
/// messages. A name no policy has stops the host when it starts.
/// </summary>
public static class ShopPolicies
{
    /// <summary>Callers in the role <c>manager</c>: they may change the catalogue.</summary>
    public const string CatalogManagers = "CatalogManagers";

    /// <summary>Adds the shop's policies.</summary>
    /// <param name="options">ASP.NET Core's authorization options.</param>
    public static void AddShopPolicies(this AuthorizationOptions options)
        => options.AddPolicy(CatalogManagers, policy => policy.RequireRole("manager"));
}
