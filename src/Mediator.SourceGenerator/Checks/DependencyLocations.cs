using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Where each constructor parameter of a handler or middleware declared here is, for the capture checks; kept out of
/// the specs (which hold no positions, so that a moved line leaves them cached). Keyed as
/// <see cref="DependencyParser.Key"/> keys a class.
/// </summary>
internal sealed class DependencyLocations
{
    private readonly Dictionary<string, EquatableArray<LocationInfo>> _byComponent = new(StringComparer.Ordinal);

    /// <param name="handlers">Every handler class.</param>
    /// <param name="middlewares">Every <c>[Middleware]</c> class declared here.</param>
    public DependencyLocations(IEnumerable<HandlerDiscovery> handlers, IEnumerable<MiddlewareDiscovery> middlewares)
    {
        foreach (var handler in handlers)
        {
            Add(HandlerKey(handler.HandlerType), handler.DependencyLocations);
        }

        foreach (var middleware in middlewares.Where(d => d.Middleware is not null))
        {
            Add(MiddlewareLocations.Key(middleware.Middleware!), middleware.DependencyLocations);
        }
    }

    /// <summary>A handler class keyed as a dependency names it: handlers are never generic.</summary>
    public static string HandlerKey(string handlerType) => handlerType + "`0";

    /// <summary>The declaration of the <paramref name="index"/>th dependency of a component; null for one from another assembly.</summary>
    public LocationInfo? Parameter(string component, int index)
        => _byComponent.TryGetValue(component, out var locations) && index < locations.Count ? locations[index] : null;

    private void Add(string key, EquatableArray<LocationInfo> locations)
    {
        if (!_byComponent.ContainsKey(key))
        {
            _byComponent[key] = locations;
        }
    }
}
