namespace Mediator;

/// <summary>
/// How long one handler or middleware instance lives; mirrors the dependency-injection lifetimes. Named so that it does
/// not clash with <c>Microsoft.Extensions.DependencyInjection.ServiceLifetime</c> when both namespaces are imported.
/// </summary>
/// <remarks>
/// A pipeline resolves each component with its own lifetime from the scope the mediator was resolved in. A pipeline whose
/// components are all singletons is built once and dispatches without allocating; one with a scoped component needs a
/// scope (resolve the mediator from one, or use <c>ScopePerDispatchMediator</c>), otherwise it throws
/// <see cref="ScopeRequiredException"/>.
/// </remarks>
public enum ComponentLifetime
{
    /// <summary>One instance for the whole application (the default, the cheapest).</summary>
    Singleton = 0,

    /// <summary>One instance per dependency-injection scope (an ASP.NET Core request, a scope you create).</summary>
    Scoped = 1,

    /// <summary>A new instance for every dispatch.</summary>
    Transient = 2,
}
