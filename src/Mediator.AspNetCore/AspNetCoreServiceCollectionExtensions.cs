using System;
using Mediator.AspNetCore;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ASP.NET Core integration of the mediator's built-ins.</summary>
public static class AspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Connects the built-ins to ASP.NET Core:
    /// <list type="bullet">
    /// <item>the caller is <c>HttpContext.User</c> (<see cref="HttpContextCallerAccessor"/>, replacing any
    /// <see cref="ICallerAccessor"/> registered before; register yours after this call to override it);</item>
    /// <item><c>[Authorize]</c> policies and roles are evaluated by ASP.NET Core's <c>IAuthorizationService</c> when the
    /// app calls <c>AddAuthorization</c>; a policy name that no one registered stops the host when it starts
    /// (<see cref="AuthorizationPolicyNotFoundException"/>);</item>
    /// <item>the built-ins' exceptions become problem details (<see cref="MediatorExceptionHandler"/>, with
    /// <c>AddProblemDetails</c>); the app calls <c>app.UseExceptionHandler()</c> to run it.</item>
    /// </list>
    /// Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorAspNetCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddHttpContextAccessor();
        // Replaces what came before (AddMediatorCaching's "no caller" default included): the request's user is the caller.
        services.RemoveAll<ICallerAccessor>();
        services.AddSingleton<ICallerAccessor, HttpContextCallerAccessor>();

        services.AddMediatorAuthorization();
        services.TryAddSingleton<AuthorizationServices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationPolicySource, AspNetCorePolicySource>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuthorizationPolicyStartupCheck>());

        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Diagnostics.IExceptionHandler, MediatorExceptionHandler>());
        return services;
    }
}
