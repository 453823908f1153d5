using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Turns the resolved pipelines (<see cref="PipelineResolver"/>) into what the emitters write: class names, the
/// request's and handler's facts each emitter needs, the steps, and the services <c>AddMediator()</c> registers.
/// It decides nothing about what a pipeline holds; that is the resolver's.
/// </summary>
internal static class PipelinePlanner
{
    public static MediatorPlan Plan(ResolvedPipelines resolved, GeneratorOptions options)
    {
        var mediator = options.Mediator ?? throw new ArgumentException("No mediator name: nothing is planned when the name is invalid or clashes", nameof(options));

        // One naming pass over every kind: their classes share the Mediator class and the generated file names.
        var names = PipelineNames.Assign(
            resolved.Requests.Select(p => NamingSubject(p, PipelineNames.RequestSuffix))
                .Concat(resolved.Streams.Select(p => NamingSubject(p, PipelineNames.StreamSuffix)))
                .Concat(resolved.PublishedTypes.Select(t => new PipelineNames.Subject(PipelineNames.NotificationSuffix, t.Type.Erased.Display, t.Type)))
                .ToList());

        var pipelines = resolved.Requests
            .Select(p => PlanPipeline(p, names[(PipelineNames.RequestSuffix, p.Key)], mediator))
            .OrderBy(p => p.Shape.MessageType.Display, StringComparer.Ordinal)
            .ThenBy(p => p.Shape.ResultType.Display, StringComparer.Ordinal)
            .ToEquatableArray();

        var streamPlans = resolved.Streams
            .Select(p => PlanStream(p, names[(PipelineNames.StreamSuffix, p.Key)], mediator))
            .OrderBy(p => p.Shape.MessageType.Display, StringComparer.Ordinal)
            .ThenBy(p => p.Shape.ResultType.Display, StringComparer.Ordinal)
            .ToEquatableArray();

        var notificationPlans = resolved.Notifications
            .Select(p => PlanNotification(p, names[(PipelineNames.NotificationSuffix, p.Key)], options))
            .OrderBy(p => p.Shape.MessageType.Display, StringComparer.Ordinal)
            .ToEquatableArray();

        var usedHandlers = resolved.Requests.Concat(resolved.Streams).Select(p => p.Handler!)
            .Concat(resolved.Notifications.SelectMany(p => p.Receivers).Select(r => r.Handler))
            .Select(h => (h.HandlerType, h.Lifetime, NamesObsolete: h.HandlerUsage.NeedObsoleteContext()));
        var layers = resolved.Requests.Concat(resolved.Streams).Concat(resolved.Notifications)
            .SelectMany(p => p.Chain.Layers.Concat(p.Receivers.SelectMany(r => r.Own.Layers)));
        return new MediatorPlan(
            mediator,
            options.HasServiceCollection && options.ForeignRegistration is null,
            pipelines,
            Services(usedHandlers, layers, notificationPlans),
            notificationPlans,
            streamPlans);
    }

    /// <summary>The pipeline class is named after the request, and for several responses (items) also after the response.</summary>
    private static PipelineNames.Subject NamingSubject(ResolvedPipeline pipeline, string suffix)
        => new(suffix, pipeline.Key, pipeline.Message.Type, pipeline.Key == pipeline.MessageType ? null : pipeline.Result.Type);

    private static EquatableArray<PipelineStep> Steps(ResolvedChain chain, bool onPublish)
        => chain.Layers.Where(l => l.Source.OnPublish == onPublish).Select(l => l.Step).ToEquatableArray();

    private static EquatableArray<PipelineStep> Steps(ResolvedChain chain)
        => chain.Layers.Select(l => l.Step).ToEquatableArray();

    private static PipelinePlan PlanPipeline(ResolvedPipeline pipeline, string className, MediatorName mediator)
    {
        var handler = pipeline.Handler!;
        var steps = Steps(pipeline.Chain);
        return new(Shape(pipeline, className, steps, mediator), handler.IsVoid, PipelineResolver.HasSeveralResponses(handler.Request), handler.HandlerType, handler.IsImplicit, steps);
    }

    private static StreamPlan PlanStream(ResolvedPipeline pipeline, string className, MediatorName mediator)
    {
        var handler = pipeline.Handler!;
        var steps = Steps(pipeline.Chain);
        return new(Shape(pipeline, className, steps, mediator), handler.HandlerType, handler.IsImplicit, steps);
    }

    /// <summary>The shape of a request or stream pipeline: its handler's message and result, and the pipeline's lifetime.</summary>
    private static MessageShape Shape(ResolvedPipeline pipeline, string className, EquatableArray<PipelineStep> steps, MediatorName mediator)
        => Shape(pipeline.Handler!, pipeline, className, steps, mediator);

    private static MessageShape Shape(HandlerSpec handler, ResolvedPipeline pipeline, string className, EquatableArray<PipelineStep> steps, MediatorName mediator)
        => new(
            mediator,
            className,
            handler.Request.Type.WithoutOuterAnnotation,
            handler.Response.Type,
            handler.Request.IsValueType,
            !handler.Request.IsSealed,
            handler.Request.IsPublic && handler.Response.IsPublic,
            handler.Request.InheritanceDepth,
            pipeline.Lifetime,
            PipelineUsage.Of(handler, steps),
            PipelineUsage.Signature(handler.Request, handler.Response),
            pipeline.NeedsScope,
            pipeline.Kind);

    private static NotificationPlan PlanNotification(ResolvedPipeline pipeline, string className, GeneratorOptions options)
    {
        // A class handling several notification types has several Handle overloads: the generated call casts the
        // notification to the contract's type (NotificationPipelineEmitter), so overload resolution picks that
        // contract's method, never a more specific overload.
        var notification = pipeline.Message;
        var receivers = pipeline.Receivers.Select(r => r.Handler).ToList();
        var refs = pipeline.Receivers
            .Select(r => new NotificationHandlerRef(r.Handler.HandlerType, r.Handler.Request.Type.WithoutOuterAnnotation, r.Handler.IsImplicit, Steps(r.Own)))
            .Distinct()
            .ToEquatableArray();
        var publishSteps = Steps(pipeline.Chain, onPublish: true);
        var handlerSteps = Steps(pipeline.Chain, onPublish: false);
        var shape = new MessageShape(
            options.Mediator!,
            className,
            notification.Type.WithoutOuterAnnotation,
            pipeline.Result.Type,
            notification.IsValueType,
            !notification.IsSealed,
            notification.IsPublic,
            notification.InheritanceDepth,
            pipeline.Lifetime,
            PipelineUsage.Of(notification, receivers, publishSteps.Concat(handlerSteps).Concat(refs.SelectMany(r => r.Steps))),
            PipelineUsage.Signature(notification),
            pipeline.NeedsScope,
            pipeline.Kind);
        var strategy = notification.DeclaredStrategy ?? options.DefaultStrategy ?? PublishStrategyChoice.Sequential;
        return new NotificationPlan(shape, strategy, publishSteps, handlerSteps, refs, notification.DeclaredFailures ?? options.DefaultFailures);
    }

    private static EquatableArray<ServiceRegistration> Services(
        IEnumerable<(string Type, ServiceLifetimeKind Lifetime, bool NamesObsolete)> handlers,
        IEnumerable<ResolvedLayer> layers,
        IEnumerable<NotificationPlan> notifications)
    {
        // A strategy of the user's is a singleton the pipelines take from the container, like a singleton middleware.
        var strategies = notifications
            .Select(n => n.Strategy.CustomType)
            .Where(t => t is not null)
            .Distinct(StringComparer.Ordinal)
            .Select(t => new ServiceRegistration(t!, ServiceLifetimeKind.Singleton));
        var handlerServices = handlers
            .GroupBy(h => h.Type, StringComparer.Ordinal)
            .Select(g => new ServiceRegistration(g.Key, g.First().Lifetime, g.Any(h => h.NamesObsolete)));
        // Per-message configured middleware is built by the pipeline's factory, never resolved from the container. Every
        // layer of one closed type has the same lifetime (Planning/LayerLifetimes).
        var middlewareServices = layers
            .Where(l => !l.Step.IsConfigured)
            .GroupBy(l => l.Step.MiddlewareType, StringComparer.Ordinal)
            .Select(g => new ServiceRegistration(g.Key, g.First().Lifetime, g.Any(l => l.Step.Usage.NeedObsoleteContext())));
        return handlerServices
            .Concat(middlewareServices)
            .Concat(strategies)
            .GroupBy(s => s.Type, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(s => s.Type, StringComparer.Ordinal)
            .ToEquatableArray();
    }
}
