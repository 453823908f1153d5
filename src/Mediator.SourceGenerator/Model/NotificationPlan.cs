namespace Mediator.SourceGenerator.Model;

/// <summary>
/// The compiled pipeline of one concrete notification type: publish-side middleware (once per Publish), then the
/// fan-out to every handler, each wrapped in the handler-side middleware.
/// </summary>
/// <param name="Shape">The notification, the pipeline class and what the mediator's dispatch needs of them; the lifetime is the most short-lived of its handlers'.</param>
/// <param name="Strategy">How the handlers run: a built-in fan-out, or the user's <c>IPublishStrategy</c>.</param>
/// <param name="PublishSteps">Publish-side middleware, outermost first.</param>
/// <param name="HandlerSteps">Handler-side middleware around every handler, outermost first (a handler's own steps follow, inside them).</param>
/// <param name="Handlers">Every handler, in the order they run.</param>
/// <param name="Failures">What the caller sees when handlers fail (built-in strategies that report to the caller).</param>
internal sealed record NotificationPlan(
    MessageShape Shape,
    PublishStrategyChoice Strategy,
    EquatableArray<PipelineStep> PublishSteps,
    EquatableArray<PipelineStep> HandlerSteps,
    EquatableArray<NotificationHandlerRef> Handlers,
    PublishFailureKind Failures = PublishFailureKind.Aggregate)
{
    /// <summary>The strategy's kind.</summary>
    public PublishStrategyKind Kind => Strategy.Kind;

    /// <summary>Every middleware step of the pipeline: publish-side, shared handler-side, then each handler's own.</summary>
    public System.Collections.Generic.IEnumerable<PipelineStep> AllSteps
        => System.Linq.Enumerable.Concat(
            System.Linq.Enumerable.Concat(PublishSteps, HandlerSteps),
            System.Linq.Enumerable.SelectMany(Handlers, h => h.Steps));
}

/// <summary>A handler a notification fans out to.</summary>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandledType">The notification type its contract names (the notification itself, a base class or an interface), never annotated at the top.</param>
/// <param name="IsImplicit">Call <c>Handle</c> directly rather than through the interface.</param>
/// <param name="Steps">Its own handler-level middleware (<c>[UseMiddleware]</c> on the class), outermost first, inside the shared handler-side steps.</param>
internal sealed record NotificationHandlerRef(string HandlerType, TypeRef HandledType, bool IsImplicit, EquatableArray<PipelineStep> Steps = default);
