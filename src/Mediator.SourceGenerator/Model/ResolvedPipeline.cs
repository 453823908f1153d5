namespace Mediator.SourceGenerator.Model;

/// <summary>
/// One pipeline the generator emits, as the resolver decided it: the message, its handler (requests and streams) or
/// handlers (notifications), its middleware layer by layer with where each came from, and the outcome of every
/// ordering rule. The emitters' plans and every check read this; nothing else decides what a pipeline holds.
/// </summary>
/// <param name="Kind">Send, CreateStream or Publish.</param>
/// <param name="Key">Identifies the pipeline within its kind: the message type, and for a request with several
/// responses (a stream request with several item types) also the response.</param>
/// <param name="Message">The message type the pipeline serves.</param>
/// <param name="Result">The response (stream item; <c>Unit</c> for notifications).</param>
/// <param name="Handler">The one handler of a request or stream (the first by name when there are several, MED0002); null for notifications.</param>
/// <param name="Chain">
/// The middleware around the handler(s), outermost first: for notifications the publish-side layers, then the
/// handler-side layers shared by every handler. A request's or stream's chain ends with its handler's own
/// (<c>[UseMiddleware]</c> on the handler class).
/// </param>
/// <param name="Receivers">For notifications: every handler it fans out to, in running order, each with its own layers.</param>
internal sealed record ResolvedPipeline(
    MessageKind Kind,
    string Key,
    MessageTypeSpec Message,
    MessageTypeSpec Result,
    HandlerSpec? Handler,
    ResolvedChain Chain,
    EquatableArray<ResolvedReceiver> Receivers = default)
{
    /// <summary>The message type without nullable annotations, as handlers are grouped by it.</summary>
    public string MessageType => Message.Type.Erased.Display;

    /// <summary>
    /// The pipeline's own lifetime: the shortest of its components' (handler or receivers, and every layer's). It is
    /// registered with it, so that each component, resolved from the same provider with its own lifetime, lives as long
    /// as it should: a scoped pipeline is built once per scope, a transient one per dispatch, a singleton one once.
    /// </summary>
    public ServiceLifetimeKind Lifetime => Lifetimes.Shortest(
        Chain.Layers.Select(l => l.Lifetime)
            .Concat(Handler is null ? Enumerable.Empty<ServiceLifetimeKind>() : new[] { Handler.Lifetime })
            .Concat(Receivers.SelectMany(r => r.Own.Layers.Select(l => l.Lifetime).Concat(new[] { r.Handler.Lifetime }))));

    /// <summary>Some component is scoped: dispatching needs a scope, and from the root provider it fails.</summary>
    public bool NeedsScope => Chain.Layers.Any(l => l.Lifetime == ServiceLifetimeKind.Scoped)
        || Handler?.Lifetime == ServiceLifetimeKind.Scoped
        || Receivers.Any(r => r.Handler.Lifetime == ServiceLifetimeKind.Scoped || r.Own.Layers.Any(l => l.Lifetime == ServiceLifetimeKind.Scoped));
}

/// <summary>A handler a notification fans out to, with the middleware its class names.</summary>
/// <param name="Handler">The handler contract that receives the notification.</param>
/// <param name="Own">
/// Its own layers (inside the shared chain). The rule outcomes and ties here are those of the shared chain followed by
/// these layers that involve one of them; the shared chain's own outcomes are on the pipeline.
/// </param>
internal sealed record ResolvedReceiver(HandlerSpec Handler, ResolvedChain Own);

/// <summary>An ordered run of middleware layers and what the ordering rules say about it.</summary>
/// <param name="Layers">Outermost first.</param>
/// <param name="Cycles">Before/after cycles met while ordering it (broken by Order, then name).</param>
/// <param name="Rules">The outcome of every <c>[MustRunInside]</c>/<c>[MustRunOutside]</c> whose target is in the chain.</param>
/// <param name="Ties">Pairs in one layer with the same explicit Order and no before/after between them.</param>
internal sealed record ResolvedChain(
    EquatableArray<ResolvedLayer> Layers,
    EquatableArray<OrderCycle> Cycles,
    EquatableArray<RuleOutcome> Rules,
    EquatableArray<OrderTie> Ties)
{
    /// <summary>No middleware at all.</summary>
    public static readonly ResolvedChain Empty = new(
        EquatableArray<ResolvedLayer>.Empty,
        EquatableArray<OrderCycle>.Empty,
        EquatableArray<RuleOutcome>.Empty,
        EquatableArray<OrderTie>.Empty);
}

/// <summary>One middleware in a pipeline.</summary>
/// <param name="Middleware">The middleware class as parsed.</param>
/// <param name="Step">It closed over this pipeline's message and result, as the emitters write it.</param>
/// <param name="Source">Where it came from.</param>
/// <param name="Lifetime">
/// The lifetime it is registered and resolved with: its spec's, unless the same closed type has a shorter one in another
/// pipeline (the container holds one registration per type, so the shortest wins everywhere).
/// </param>
internal sealed record ResolvedLayer(MiddlewareSpec Middleware, PipelineStep Step, LayerSource Source, ServiceLifetimeKind Lifetime);

/// <summary>How one hard ordering rule fared in one chain.</summary>
/// <param name="Middleware">The middleware that declares the rule.</param>
/// <param name="Rule">The <c>[MustRunInside]</c> or <c>[MustRunOutside]</c> attribute.</param>
/// <param name="Target">The middleware in the chain the rule points at.</param>
/// <param name="IsKept">The chain's order satisfies the rule.</param>
internal sealed record RuleOutcome(MiddlewareSpec Middleware, OrderingConstraint Rule, MiddlewareSpec Target, bool IsKept);

/// <summary>Two middlewares of one layer with the same explicit Order and nothing else to order them but their names.</summary>
/// <param name="First">The first of the two by display name.</param>
/// <param name="Second">The other.</param>
internal sealed record OrderTie(MiddlewareSpec First, MiddlewareSpec Second);

/// <summary>A cycle of <c>[RunsBefore]</c>/<c>[RunsAfter]</c> constraints, members in cycle order.</summary>
/// <param name="Members">The middlewares of the cycle.</param>
internal sealed record OrderCycle(EquatableArray<MiddlewareSpec> Members);
