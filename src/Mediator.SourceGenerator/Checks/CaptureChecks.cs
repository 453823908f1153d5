using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// MED0040: a singleton handler or middleware whose constructor takes something that lives shorter than it. A singleton
/// keeps what it is given for the life of the application, so a scoped dependency is shared by every request (one
/// <c>DbContext</c> for all of them) and a transient one by every dispatch. Known to be shorter-lived: the handlers and
/// middleware this mediator itself registers as scoped or transient (the resolved model says which), and EF Core
/// <c>DbContext</c> classes, which <c>AddDbContext</c> registers scoped. The app's own registrations are out of sight:
/// <c>ValidateScopes</c> and <c>ValidateOnBuild</c> cover those at start-up.
/// </summary>
internal static class CaptureChecks
{
    /// <param name="resolved">The pipelines: which components exist and the lifetime each is registered with.</param>
    /// <param name="parameters">Where the constructor parameters of the components declared here are.</param>
    /// <param name="middlewares">Where each middleware is declared or named, for one from another assembly.</param>
    /// <param name="diagnostics">Where to add what is found.</param>
    public static void Find(ResolvedPipelines resolved, DependencyLocations parameters, MiddlewareLocations middlewares, List<DiagnosticInfo> diagnostics)
    {
        var all = resolved.Requests.Concat(resolved.Streams).Concat(resolved.Notifications).ToList();
        var handlers = all.Select(p => p.Handler).Where(h => h is not null).Select(h => h!)
            .Concat(all.SelectMany(p => p.Receivers.Select(r => r.Handler)))
            .GroupBy(h => h.HandlerType, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(h => h.HandlerType, StringComparer.Ordinal)
            .ToList();

        // A middleware class may be closed over several messages; each closed type is registered with its layer's lifetime.
        var middlewareClasses = all.SelectMany(p => p.Chain.Layers.Concat(p.Receivers.SelectMany(r => r.Own.Layers)))
            .GroupBy(l => MiddlewareLocations.Key(l.Middleware), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Spec: g.First().Middleware, Shortest: Lifetimes.Shortest(g.Select(l => l.Lifetime)), AnySingleton: g.Any(l => l.Lifetime == ServiceLifetimeKind.Singleton)))
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .ToList();

        // What this mediator registers, by class, with the shortest lifetime it is registered with.
        var registered = new Dictionary<string, (ServiceLifetimeKind Lifetime, string Kind)>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            registered[DependencyLocations.HandlerKey(handler.HandlerType)] = (handler.Lifetime, "handler");
        }

        foreach (var middleware in middlewareClasses)
        {
            registered[middleware.Key] = (middleware.Shortest, "middleware");
        }

        foreach (var handler in handlers.Where(h => h.Lifetime == ServiceLifetimeKind.Singleton))
        {
            var component = new Component("Handler", DependencyLocations.HandlerKey(handler.HandlerType), DiagnosticText.Readable(handler.HandlerType), "[Handler(Lifetime = ComponentLifetime.Scoped)]", null);
            Check(component, handler.Dependencies, registered, parameters, diagnostics);
        }

        foreach (var middleware in middlewareClasses.Where(m => m.AnySingleton))
        {
            var component = new Component("Middleware", middleware.Key, middleware.Spec.DisplayName, "Lifetime = ComponentLifetime.Scoped on its [Middleware] or [UseMiddleware]", middlewares.Declaration(middleware.Spec));
            Check(component, middleware.Spec.Dependencies, registered, parameters, diagnostics);
        }
    }

    private static void Check(
        Component component,
        EquatableArray<DependencySpec> dependencies,
        Dictionary<string, (ServiceLifetimeKind Lifetime, string Kind)> registered,
        DependencyLocations parameters,
        List<DiagnosticInfo> diagnostics)
    {
        for (var index = 0; index < dependencies.Count; index++)
        {
            var dependency = dependencies[index];
            if (Why(dependency, component.Key, registered) is not { } why)
            {
                continue;
            }

            var alternative = dependency.Convention == ConventionalLifetime.DbContext
                ? "take IDbContextFactory<" + dependency.Display + "> (AddDbContextFactory) and create one per dispatch"
                : "take IServiceScopeFactory and resolve it in a scope per dispatch";
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SingletonCapturesShorterLifetime,
                parameters.Parameter(component.Key, index) ?? component.Fallback,
                component.Kind,
                component.Display,
                dependency.Name,
                dependency.Display,
                why,
                component.MakeScoped,
                alternative));
        }
    }

    /// <summary>Why the dependency lives shorter than a singleton, or null when nothing says it does.</summary>
    private static string? Why(DependencySpec dependency, string self, Dictionary<string, (ServiceLifetimeKind Lifetime, string Kind)> registered)
    {
        if (dependency.Key is { } key && key != self && registered.TryGetValue(key, out var found) && found.Lifetime != ServiceLifetimeKind.Singleton)
        {
            return "a " + found.Kind + " this mediator registers as " + (found.Lifetime == ServiceLifetimeKind.Scoped ? "scoped" : "transient");
        }

        return dependency.Convention == ConventionalLifetime.DbContext
            ? "an EF Core DbContext, which AddDbContext registers as scoped"
            : null;
    }

    /// <param name="Kind">"Handler" or "Middleware", for the message.</param>
    /// <param name="Key">The class, as dependencies name it.</param>
    /// <param name="Display">The class as a user reads it.</param>
    /// <param name="MakeScoped">How to make it scoped.</param>
    /// <param name="Fallback">Where to report when its parameters are in another assembly.</param>
    private sealed record Component(string Kind, string Key, string Display, string MakeScoped, LocationInfo? Fallback);
}
