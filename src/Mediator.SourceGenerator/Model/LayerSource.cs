namespace Mediator.SourceGenerator.Model;

/// <summary>What put a middleware into a pipeline.</summary>
internal enum LayerOrigin
{
    /// <summary>A <c>[Middleware]</c> class of this compilation, placed wherever its generic constraints fit.</summary>
    Declared = 0,

    /// <summary>An <c>[assembly: UseMiddleware(typeof(X))]</c> line, placed wherever X's constraints fit.</summary>
    AssemblyLine = 1,

    /// <summary><c>[UseMiddleware(typeof(X))]</c> on the handler class: wraps that handler only.</summary>
    HandlerAttribute = 2,
}

/// <summary>Where one layer of a resolved pipeline came from, so that a check or a reader can say why it is there.</summary>
/// <param name="Level">Global, group, message or handler: which band of the pipeline it sits in (outermost first).</param>
/// <param name="Origin">The attribute or assembly line that placed it.</param>
/// <param name="OnPublish">Publish-side: runs once per <c>Publish</c>, before the fan-out to the handlers.</param>
internal sealed record LayerSource(MiddlewareLevel Level, LayerOrigin Origin, bool OnPublish)
{
    /// <summary>The source of a middleware as parsing described it.</summary>
    public static LayerSource Of(MiddlewareSpec middleware)
        => new(
            middleware.Level,
            middleware.Level == MiddlewareLevel.Handler ? LayerOrigin.HandlerAttribute
                : middleware.FromAssemblyAttribute ? LayerOrigin.AssemblyLine
                : LayerOrigin.Declared,
            middleware.OnPublish);
}
