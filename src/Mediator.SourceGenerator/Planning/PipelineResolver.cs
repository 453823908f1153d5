using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Decides, once, which pipelines exist and what each holds: one per request type, one per stream request type, one
/// per concrete notification type that has handlers or is routed to a broker. Middleware is layered global, group, message, handler (outermost
/// first), by <c>[RunsBefore]</c>/<c>[RunsAfter]</c> then Order inside a layer (<see cref="LayerOrder"/>); handler
/// middleware (<c>[UseMiddleware]</c> on a handler class) wraps only that handler. The emitters' plans
/// (<see cref="PipelinePlanner"/>) and the checks (<c>Checks/</c>) both read the result.
/// </summary>
internal static class PipelineResolver
{
    /// <param name="handlers">Every handler contract.</param>
    /// <param name="middlewares">Every middleware: declared here and placed by <c>[assembly: UseMiddleware]</c>.</param>
    /// <param name="declaredNotifications">The concrete notification types declared here.</param>
    /// <param name="prepared">
    /// Request and stream pipelines already resolved (<see cref="Singles"/>, one file's handlers at a time) over the same
    /// <paramref name="middlewares"/>, by handler object: a handler found there is not matched again. Anything missing is
    /// resolved here, so the result is the same with or without them.
    /// </param>
    public static ResolvedPipelines Resolve(
        ImmutableArray<HandlerSpec> handlers,
        ImmutableArray<MiddlewareSpec> middlewares,
        ImmutableArray<MessageTypeSpec> declaredNotifications,
        IEnumerable<ResolvedPipeline>? prepared = null)
    {
        // Explicit middleware declared here wraps only the handlers that name it.
        var automatic = middlewares.Where(m => m.IsAutomatic).ToList();
        var messageSide = automatic.Where(m => !m.OnPublish).ToList();

        // One handler per request and per stream; when there are several (MED0002) the first by name is used so the
        // rest of the user's code still compiles while the error is fixed.
        var known = new Dictionary<HandlerSpec, ResolvedPipeline>(SameObject.Instance);
        foreach (var pipeline in prepared ?? Enumerable.Empty<ResolvedPipeline>())
        {
            known[pipeline.Handler!] = pipeline;
        }

        ResolvedPipeline SingleOrKnown(HandlerSpec handler) => known.TryGetValue(handler, out var pipeline) ? pipeline : Single(handler, messageSide);
        var requests = Chosen(handlers, MessageKind.Request).Select(SingleOrKnown).ToList();
        var streams = Chosen(handlers, MessageKind.Stream).Select(SingleOrKnown).ToList();

        var notificationHandlers = handlers.Where(h => h.Kind == MessageKind.Notification).ToList();
        var published = PublishedTypes(notificationHandlers, declaredNotifications);
        var notifications = published
            .Select(t => Notification(t, notificationHandlers, automatic, messageSide))
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();

        var unified = LayerLifetimes.Unify(requests, streams, notifications);
        return new ResolvedPipelines(
            automatic.ToEquatableArray(),
            published.ToEquatableArray(),
            unified.Requests.ToEquatableArray(),
            unified.Streams.ToEquatableArray(),
            unified.Notifications.ToEquatableArray());
    }

    /// <summary>
    /// The request and stream pipelines of some handlers (one file's), before lifetimes are unified across pipelines:
    /// what <see cref="Resolve"/> would make of each of them with these <paramref name="middlewares"/>. A request's or
    /// stream's pipeline depends only on its handler and the middlewares, so a file whose handlers did not change keeps
    /// this result, and a handler added elsewhere does not match every other handler against every middleware again.
    /// </summary>
    public static EquatableArray<ResolvedPipeline> Singles(IEnumerable<HandlerSpec> handlers, IEnumerable<MiddlewareSpec> middlewares)
    {
        var messageSide = middlewares.Where(m => m.IsAutomatic && !m.OnPublish).ToList();
        return handlers.Where(h => h.Kind is MessageKind.Request or MessageKind.Stream).Select(h => Single(h, messageSide)).ToEquatableArray();
    }

    /// <summary>The message identity used to group handlers: the type without nullable annotations.</summary>
    public static string RequestKey(HandlerSpec handler) => handler.Request.Type.Erased.Display;

    /// <summary>
    /// What gets one pipeline: the request type, and also the response (the item type) when the request implements
    /// several <c>IRequest&lt;T&gt;</c> (several <c>IStreamRequest&lt;T&gt;</c>): one class may handle each of them,
    /// and each needs its own pipeline.
    /// </summary>
    public static string PipelineKey(HandlerSpec handler)
        => (handler.Kind == MessageKind.Request && HasSeveralResponses(handler.Request))
            || (handler.Kind == MessageKind.Stream && HasSeveral(handler.Request, "global::Mediator.IStreamRequest"))
            ? RequestKey(handler) + " -> " + handler.Response.Type.Erased.Display
            : RequestKey(handler);

    /// <summary>The request implements more than one <c>IRequest&lt;T&gt;</c>.</summary>
    public static bool HasSeveralResponses(MessageTypeSpec request) => HasSeveral(request, "global::Mediator.IRequest");

    /// <summary>
    /// Concrete notification types: those declared in this compilation and those handled by exact type. Interfaces and
    /// abstract classes are never the runtime type of a notification; their handlers join the pipelines of the types
    /// that implement or derive from them.
    /// </summary>
    public static List<MessageTypeSpec> PublishedTypes(IEnumerable<HandlerSpec> handlers, IEnumerable<MessageTypeSpec> declared)
    {
        var byType = new Dictionary<string, MessageTypeSpec>(StringComparer.Ordinal);
        foreach (var spec in declared.Concat(handlers.Select(h => h.Request)).Where(s => !s.IsAbstract))
        {
            var key = spec.Type.Erased.Display;
            if (!byType.ContainsKey(key))
            {
                byType[key] = spec;
            }
        }

        return byType.Values.OrderBy(s => s.Type.Erased.Display, StringComparer.Ordinal).ToList();
    }

    private static bool HasSeveral(MessageTypeSpec request, string contract)
        => request.Supertypes.Count(s => s.Name == contract && s.Arguments.Count == 1) > 1;

    private static IEnumerable<HandlerSpec> Chosen(ImmutableArray<HandlerSpec> handlers, MessageKind kind)
        => handlers.Where(h => h.Kind == kind)
            .GroupBy(PipelineKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(h => h.HandlerType, StringComparer.Ordinal).First());

    /// <summary>A request or stream pipeline: the automatic message-side middleware, then the handler's own.</summary>
    private static ResolvedPipeline Single(HandlerSpec handler, List<MiddlewareSpec> messageSide)
    {
        var cycles = new List<List<MiddlewareSpec>>();
        var candidates = messageSide.Concat(HandlerMiddleware.For(handler, handler.Request, handler.Response, handler.Kind, messageSide));
        var layers = Layers(handler.Request, handler.Response, handler.Kind, candidates, cycles);
        return new ResolvedPipeline(handler.Kind, PipelineKey(handler), handler.Request, handler.Response, handler, ChainRules.Chain(layers, cycles));
    }

    private static ResolvedPipeline? Notification(
        MessageTypeSpec notification,
        List<HandlerSpec> handlers,
        List<MiddlewareSpec> automatic,
        List<MiddlewareSpec> messageSide)
    {
        var supertypes = new HashSet<TypeRef>(notification.Supertypes);
        var receivers = handlers
            .Where(h => supertypes.Contains(h.Request.Type.Erased))
            .OrderBy(h => h.HandlerType, StringComparer.Ordinal)
            .ThenBy(h => h.Request.Type.Erased.Display, StringComparer.Ordinal)
            .ToList();
        // A routed notification has a pipeline without handlers here: its publish-side middleware runs, then the transport.
        if (receivers.Count == 0 && !notification.IsRouted)
        {
            return null;
        }

        var unit = HandlerParser.UnitSpec;
        var cycles = new List<List<MiddlewareSpec>>();
        var publishSide = Layers(notification, unit, MessageKind.Notification, automatic.Where(m => m.OnPublish), cycles);
        // A middleware configured by an attribute is per handler: each handler gets its own instance, in its own chain
        // (inside the shared one), configured by its class's attribute or else the notification's.
        var perHandler = messageSide.Where(m => IsPerHandler(m, notification, unit, receivers)).ToList();
        var handlerSide = Layers(notification, unit, MessageKind.Notification, messageSide.Except(perHandler), cycles);
        var shared = publishSide.Concat(handlerSide).ToList();
        var own = receivers.Select(receiver =>
        {
            var ownCycles = new List<List<MiddlewareSpec>>();
            var candidates = perHandler.Concat(HandlerMiddleware.For(receiver, notification, unit, MessageKind.Notification, messageSide));
            var layers = Layers(notification, unit, MessageKind.Notification, candidates, ownCycles, receiver);
            return new ResolvedReceiver(receiver, ChainRules.Chain(layers, ownCycles, shared));
        });
        var key = notification.Type.Erased.Display;
        return new ResolvedPipeline(MessageKind.Notification, key, notification, unit, null, ChainRules.Chain(shared, cycles), own.ToEquatableArray());
    }

    /// <summary>
    /// Whether a notification's handler-side middleware needs an instance per handler: it requires an attribute
    /// (<see cref="MiddlewareSpec.IsConfiguredPerMessage"/>), or some handler would build it differently from the shared
    /// instance (its class carries an attribute the middleware takes as optional, or the middleware takes the handler).
    /// </summary>
    private static bool IsPerHandler(MiddlewareSpec middleware, MessageTypeSpec notification, MessageTypeSpec unit, List<HandlerSpec> receivers)
    {
        if (middleware.IsConfiguredPerMessage)
        {
            return true;
        }

        if (middleware.Constructor.Count == 0 || MiddlewareMatcher.Match(middleware, notification, unit, MessageKind.Notification) is not { } shared)
        {
            return false;
        }

        return receivers.Any(r => MiddlewareMatcher.Match(middleware, notification, unit, MessageKind.Notification, r) is { } own && !own.Arguments.Equals(shared.Arguments));
    }

    /// <summary>
    /// The middlewares that fit the message in this mode, ordered, each closed over the message (and, for a notification
    /// handler's own chain, configured for <paramref name="receiver"/>).
    /// </summary>
    private static List<ResolvedLayer> Layers(
        MessageTypeSpec message,
        MessageTypeSpec result,
        MessageKind mode,
        IEnumerable<MiddlewareSpec> middlewares,
        List<List<MiddlewareSpec>> cycles,
        HandlerSpec? receiver = null)
    {
        var steps = new Dictionary<MiddlewareSpec, PipelineStep>();
        foreach (var middleware in middlewares)
        {
            if (MiddlewareMatcher.Match(middleware, message, result, mode, receiver) is { } step)
            {
                steps[middleware] = step;
            }
        }

        return LayerOrder.Resolve(steps.Keys, cycles).Select(m => new ResolvedLayer(m, steps[m], LayerSource.Of(m), m.Lifetime)).ToList();
    }

    /// <summary>Handlers by object: a prepared pipeline is the one made from this very handler, and comparing by value would cost what it saves.</summary>
    private sealed class SameObject : IEqualityComparer<HandlerSpec>
    {
        public static readonly SameObject Instance = new();

        public bool Equals(HandlerSpec? x, HandlerSpec? y) => ReferenceEquals(x, y);

        public int GetHashCode(HandlerSpec obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
