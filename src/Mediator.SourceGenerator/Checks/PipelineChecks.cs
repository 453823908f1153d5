using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// The checks that need every handler, middleware and message at once. They read the resolved pipelines (the same
/// ones the emitters write) and take positions from the discoveries, so that moving code around (which changes
/// locations) re-runs only them. Kept apart from the source output for the same reason.
/// </summary>
internal static class PipelineChecks
{
    /// <param name="handlers">Every handler class, with where it and its <c>[UseMiddleware]</c> attributes are.</param>
    /// <param name="declared">Every <c>[Middleware]</c> class declared here.</param>
    /// <param name="used">Every <c>[assembly: UseMiddleware]</c> line.</param>
    /// <param name="messages">Every concrete message type declared here.</param>
    /// <param name="resolved">The pipelines, resolved from the specs of the same discoveries.</param>
    public static EquatableArray<DiagnosticInfo> Find(
        ImmutableArray<HandlerDiscovery> handlers,
        ImmutableArray<MiddlewareDiscovery> declared,
        EquatableArray<MiddlewareDiscovery> used,
        ImmutableArray<MessageDeclaration> messages,
        ResolvedPipelines resolved)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var specs = handlers.SelectMany(d => d.Handlers.Select(h => (Handler: h, d.Location))).ToList();

        // A notification routed to a broker ([assembly: RabbitMqRoute]) is published even without a handler here.
        var routed = new HashSet<string>(resolved.PublishedTypes.Where(t => t.IsRouted).Select(t => t.Type.Erased.Display), StringComparer.Ordinal);
        HandlerCountChecks.Find(specs, messages, diagnostics, routed);
        UnusedMiddlewareChecks.Find(specs, declared, messages, diagnostics);
        ProcessorChecks.Find(specs, declared, diagnostics);
        if (handlers.Any(h => h.MiddlewareUses.Count > 0))
        {
            HandlerMiddlewareChecks.Find(handlers, resolved.Automatic, resolved.PublishedTypes, diagnostics);
        }

        var chains = CheckedChain.All(resolved);
        var locations = new MiddlewareLocations(handlers, declared.Concat(used));
        OrderingRuleChecks.Find(chains, locations, diagnostics);
        LayerOrderChecks.Find(chains, locations, diagnostics);
        ConcernChecks.Find(messages, resolved, diagnostics);
        ConcernChecks.FindOnHandlers(handlers, resolved, diagnostics);
        CaptureChecks.Find(resolved, new DependencyLocations(handlers, declared), locations, diagnostics);
        return diagnostics.ToEquatableArray();
    }
}
