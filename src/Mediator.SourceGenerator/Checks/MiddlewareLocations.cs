using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Where to report a problem with a middleware, kept out of the resolved model (which holds no positions, so that a
/// moved line leaves it cached): what decided its place, for broken rules and ties, and its declaration, for cycles.
/// </summary>
internal sealed class MiddlewareLocations
{
    private readonly Dictionary<string, LocationInfo?> _placement = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocationInfo?> _declaration = new(StringComparer.Ordinal);

    /// <param name="handlers">Every handler class, with where its <c>[UseMiddleware]</c> attributes are.</param>
    /// <param name="middlewares">Every <c>[Middleware]</c> class declared here, then every <c>[assembly: UseMiddleware]</c> line.</param>
    public MiddlewareLocations(IEnumerable<HandlerDiscovery> handlers, IEnumerable<MiddlewareDiscovery> middlewares)
    {
        var found = middlewares.Where(d => d.Middleware is not null).ToList();
        foreach (var discovery in found.Where(d => d.Middleware!.IsAutomatic))
        {
            Add(_placement, discovery.Middleware!, discovery.PlacementLocation ?? discovery.Location);
        }

        foreach (var discovery in found)
        {
            Add(_declaration, discovery.Middleware!, discovery.Location);
        }

        // Handler middleware is reported where the first handler (by name) names it, unless it also applies automatically.
        foreach (var use in handlers.OrderBy(d => d.HandlerType, StringComparer.Ordinal).SelectMany(d => d.MiddlewareUses))
        {
            Add(_placement, use.Middleware, use.PlacementLocation);
            Add(_declaration, use.Middleware, use.Location);
        }
    }

    /// <summary>What decided the middleware's place: its <c>Order = ...</c>, the assembly line that added it, or its name.</summary>
    public LocationInfo? Placement(MiddlewareSpec middleware) => _placement.TryGetValue(Key(middleware), out var location) ? location : null;

    /// <summary>The middleware's declaration (or the line that names it).</summary>
    public LocationInfo? Declaration(MiddlewareSpec middleware) => _declaration.TryGetValue(Key(middleware), out var location) ? location : null;

    /// <summary>One middleware class: its name and arity (<c>Audit&lt;T&gt;</c> and <c>Audit&lt;T, R&gt;</c> are two classes).</summary>
    public static string Key(MiddlewareSpec middleware) => middleware.OpenName + "`" + middleware.TypeParameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, LocationInfo?> into, MiddlewareSpec middleware, LocationInfo? location)
    {
        var key = Key(middleware);
        if (!into.ContainsKey(key))
        {
            into[key] = location;
        }
    }
}
