using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Builds the pipelines: one per request type, one per stream request type, one per concrete notification type
/// that has handlers. Middleware is layered global, group, message, handler (outermost first), by <c>Order</c> inside a
/// layer. Handler middleware (<c>[UseMiddleware]</c> on a handler class) wraps only that handler.
/// </summary>
internal static class PipelinePlanner
{
    public static MediatorPlan Plan(
        ImmutableArray<HandlerSpec> handlers,
        ImmutableArray<MiddlewareSpec> middlewares,
        ImmutableArray<MessageTypeSpec> declaredNotifications,
        GeneratorOptions options)
    {
        var mediator = options.Mediator ?? throw new ArgumentException("No mediator name: nothing is planned when the name is invalid or clashes", nameof(options));

        // Explicit middleware declared here wraps only the handlers that name it.
        var ordered = middlewares.Where(m => m.IsAutomatic).ToList();
        var messageSide = ordered.Where(m => !m.OnPublish).ToList();

        // One handler per request and per stream; when there are several (MED0002) the first by name is used so the
        // rest of the user's code still compiles while the error is fixed.
        var requests = Chosen(handlers, MessageKind.Request);
        var streams = Chosen(handlers, MessageKind.Stream);
        var notificationHandlers = handlers.Where(h => h.Kind == MessageKind.Notification).ToList();
        var published = PublishedTypes(notificationHandlers, declaredNotifications);

        // One naming pass over every kind: their classes share the Mediator class and the generated file names.
        var names = PipelineNames.Assign(
            requests.Select(h => NamingSubject(h, PipelineNames.RequestSuffix))
                .Concat(streams.Select(h => NamingSubject(h, PipelineNames.StreamSuffix)))
                .Concat(published.Select(t => new PipelineNames.Subject(PipelineNames.NotificationSuffix, t.Type.Erased.Display, t.Type)))
                .ToList());

        var pipelines = requests
            .Select(h => PlanPipeline(h, names[(PipelineNames.RequestSuffix, PipelineKey(h))], messageSide, mediator))
            .OrderBy(p => p.Shape.MessageType.Display, StringComparer.Ordinal)
            .ThenBy(p => p.Shape.ResultType.Display, StringComparer.Ordinal)
            .ToEquatableArray();

        var streamPlans = streams
            .Select(h => PlanStream(h, names[(PipelineNames.StreamSuffix, PipelineKey(h))], messageSide, mediator))
            .OrderBy(p => p.Shape.MessageType.Display, StringComparer.Ordinal)
            .ThenBy(p => p.Shape.ResultType.Display, StringComparer.Ordinal)
            .ToEquatableArray();

        var notificationPlans = published
            .Select(t => PlanNotification(t, names[(PipelineNames.NotificationSuffix, t.Type.Erased.Display)], notificationHandlers, ordered, options))
            .Where(p => p is not null)
            .Select(p => p!)
            .OrderBy(p => p.Shape.MessageType.Display, StringComparer.Ordinal)
            .ToEquatableArray();

        var reached = new HashSet<string>(notificationPlans.SelectMany(n => n.Handlers).Select(r => r.HandlerType), StringComparer.Ordinal);
        var usedHandlers = requests.Concat(streams)
            .Concat(notificationHandlers.Where(h => reached.Contains(h.HandlerType)))
            .Select(h => (h.HandlerType, h.Lifetime, NamesObsolete: h.HandlerUsage.NeedObsoleteContext()));
        var steps = pipelines.SelectMany(p => p.Steps)
            .Concat(streamPlans.SelectMany(p => p.Steps))
            .Concat(notificationPlans.SelectMany(p => p.AllSteps));
        return new MediatorPlan(
            mediator,
            options.HasServiceCollection && options.ForeignRegistration is null,
            pipelines,
            Services(usedHandlers, steps),
            notificationPlans,
            streamPlans);
    }

    /// <summary>
    /// Global, then group, then message, then handler middleware; inside a layer by <c>[RunsBefore]</c>/<c>[RunsAfter]</c>, then Order,
    /// then name. Call it with the middlewares of one pipeline: constraints on middleware absent from it are ignored.
    /// </summary>
    public static List<MiddlewareSpec> Ordered(IEnumerable<MiddlewareSpec> middlewares, List<List<MiddlewareSpec>>? cycles = null)
        => LayerOrder.Resolve(middlewares, cycles);

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

    private static bool HasSeveral(MessageTypeSpec request, string contract)
        => request.Supertypes.Count(s => s.Name == contract && s.Arguments.Count == 1) > 1;

    /// <summary>The pipeline class is named after the request, and for several responses (items) also after the response.</summary>
    private static PipelineNames.Subject NamingSubject(HandlerSpec handler, string suffix)
        => new(suffix, PipelineKey(handler), handler.Request.Type, PipelineKey(handler) == RequestKey(handler) ? null : handler.Response.Type);

    public static IEnumerable<IGrouping<string, HandlerSpec>> HandlersByRequest(IEnumerable<HandlerSpec> handlers)
        => handlers.GroupBy(PipelineKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>The middlewares that apply to a message in a mode, outermost first.</summary>
    public static IEnumerable<PipelineStep> StepsFor(MessageTypeSpec message, MessageTypeSpec result, MessageKind mode, IEnumerable<MiddlewareSpec> middlewares)
        => Resolve(message, result, mode, middlewares).Select(m => m.Step);

    /// <summary>The middlewares that apply to a message in a mode with their closed steps, outermost first.</summary>
    public static List<(MiddlewareSpec Spec, PipelineStep Step)> Resolve(
        MessageTypeSpec message,
        MessageTypeSpec result,
        MessageKind mode,
        IEnumerable<MiddlewareSpec> middlewares,
        List<List<MiddlewareSpec>>? cycles = null)
    {
        var steps = new Dictionary<MiddlewareSpec, PipelineStep>();
        foreach (var middleware in middlewares)
        {
            if (MiddlewareMatcher.Match(middleware, message, result, mode) is { } step)
            {
                steps[middleware] = step;
            }
        }

        return Ordered(steps.Keys, cycles).Select(m => (m, steps[m])).ToList();
    }

    private static List<HandlerSpec> Chosen(ImmutableArray<HandlerSpec> handlers, MessageKind kind)
        => HandlersByRequest(handlers.Where(h => h.Kind == kind))
            .Select(g => g.OrderBy(h => h.HandlerType, StringComparer.Ordinal).First())
            .ToList();

    /// <summary>The message-side middleware of a request or stream pipeline: automatic, then the handler's own.</summary>
    public static IEnumerable<MiddlewareSpec> WithHandlerMiddleware(HandlerSpec handler, List<MiddlewareSpec> messageSide)
        => messageSide.Concat(HandlerMiddleware.For(handler, handler.Request, handler.Response, handler.Kind, messageSide));

    private static PipelinePlan PlanPipeline(HandlerSpec handler, string className, List<MiddlewareSpec> middlewares, MediatorName mediator)
    {
        var steps = StepsFor(handler.Request, handler.Response, MessageKind.Request, WithHandlerMiddleware(handler, middlewares)).ToEquatableArray();
        return new(Shape(handler, className, steps, mediator), handler.IsVoid, HasSeveralResponses(handler.Request), handler.HandlerType, handler.IsImplicit, steps);
    }

    private static StreamPlan PlanStream(HandlerSpec handler, string className, List<MiddlewareSpec> middlewares, MediatorName mediator)
    {
        var steps = StepsFor(handler.Request, handler.Response, MessageKind.Stream, WithHandlerMiddleware(handler, middlewares)).ToEquatableArray();
        return new(Shape(handler, className, steps, mediator), handler.HandlerType, handler.IsImplicit, steps);
    }

    /// <summary>The shape of a request or stream pipeline: its handler's message, result and lifetime.</summary>
    private static MessageShape Shape(HandlerSpec handler, string className, EquatableArray<PipelineStep> steps, MediatorName mediator)
        => new(
            mediator,
            className,
            handler.Request.Type.WithoutOuterAnnotation,
            handler.Response.Type,
            handler.Request.IsValueType,
            !handler.Request.IsSealed,
            handler.Request.IsPublic && handler.Response.IsPublic,
            handler.Request.InheritanceDepth,
            handler.Lifetime,
            PipelineUsage.Of(handler, steps),
            PipelineUsage.Signature(handler.Request, handler.Response));

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

    private static NotificationPlan? PlanNotification(
        MessageTypeSpec notification,
        string className,
        List<HandlerSpec> handlers,
        List<MiddlewareSpec> ordered,
        GeneratorOptions options)
    {
        var supertypes = new HashSet<TypeRef>(notification.Supertypes);
        var receivers = handlers
            .Where(h => supertypes.Contains(h.Request.Type.Erased))
            .OrderBy(h => h.HandlerType, StringComparer.Ordinal)
            .ThenBy(h => h.Request.Type.Erased.Display, StringComparer.Ordinal)
            .ToList();
        if (receivers.Count == 0)
        {
            return null;
        }

        // A class handling several notification types has several Handle overloads: the generated call casts the
        // notification to the contract's type (NotificationPipelineEmitter), so overload resolution picks that
        // contract's method, never a more specific overload.
        var unit = HandlerParser.UnitSpec;
        var messageSide = ordered.Where(m => !m.OnPublish).ToList();
        var refs = receivers
            .Select(h => new NotificationHandlerRef(
                h.HandlerType,
                h.Request.Type.WithoutOuterAnnotation,
                h.IsImplicit,
                StepsFor(notification, unit, MessageKind.Notification, HandlerMiddleware.For(h, notification, unit, MessageKind.Notification, messageSide)).ToEquatableArray()))
            .Distinct()
            .ToEquatableArray();
        var publishSteps = StepsFor(notification, unit, MessageKind.Notification, ordered.Where(m => m.OnPublish)).ToEquatableArray();
        var handlerSteps = StepsFor(notification, unit, MessageKind.Notification, messageSide).ToEquatableArray();
        var shape = new MessageShape(
            options.Mediator!,
            className,
            notification.Type.WithoutOuterAnnotation,
            unit.Type,
            notification.IsValueType,
            !notification.IsSealed,
            notification.IsPublic,
            notification.InheritanceDepth,
            (ServiceLifetimeKind)receivers.Max(h => (int)h.Lifetime),
            PipelineUsage.Of(notification, receivers, publishSteps.Concat(handlerSteps).Concat(refs.SelectMany(r => r.Steps))),
            PipelineUsage.Signature(notification));
        return new NotificationPlan(shape, notification.DeclaredStrategy ?? options.DefaultStrategy, publishSteps, handlerSteps, refs);
    }

    private static EquatableArray<ServiceRegistration> Services(IEnumerable<(string Type, ServiceLifetimeKind Lifetime, bool NamesObsolete)> handlers, IEnumerable<PipelineStep> steps)
    {
        var handlerServices = handlers
            .GroupBy(h => h.Type, StringComparer.Ordinal)
            .Select(g => new ServiceRegistration(g.Key, g.First().Lifetime, g.Any(h => h.NamesObsolete)));
        // Per-message configured middleware is built by the pipeline's factory, never resolved from the container.
        var middlewareServices = steps
            .Where(s => !s.IsConfigured)
            .GroupBy(s => s.MiddlewareType, StringComparer.Ordinal)
            .Select(g => new ServiceRegistration(g.Key, ServiceLifetimeKind.Singleton, g.Any(s => s.Usage.NeedObsoleteContext())));
        return handlerServices
            .Concat(middlewareServices)
            .OrderBy(s => s.Type, StringComparer.Ordinal)
            .ToEquatableArray();
    }
}
