namespace Mediator.SourceGenerator.Model;

/// <summary>
/// The compiled pipeline of one concrete notification type: publish-side middleware (once per Publish), then the
/// fan-out to every handler, each wrapped in the handler-side middleware.
/// </summary>
/// <param name="Mediator">The generated mediator class the pipeline is nested in.</param>
/// <param name="ClassName">Name of the nested pipeline class.</param>
/// <param name="NotificationType">The notification type (never annotated at the top).</param>
/// <param name="IsValueType">A struct: no null check, unboxed in the generic path.</param>
/// <param name="CanBeDerived">A class that is not sealed: the generic path also tests for subclasses.</param>
/// <param name="IsPublic">The typed <c>Publish</c> overload can be public.</param>
/// <param name="InheritanceDepth">The generic path tests deeper types first.</param>
/// <param name="Lifetime">The most short-lived of its handlers' lifetimes.</param>
/// <param name="Strategy">Sequential or concurrent fan-out.</param>
/// <param name="PublishSteps">Publish-side middleware, outermost first.</param>
/// <param name="HandlerSteps">Handler-side middleware around every handler, outermost first (a handler's own steps follow, inside them).</param>
/// <param name="Handlers">Every handler, in the order they run.</param>
/// <param name="Usage">Every <c>[Obsolete]</c> and <c>[Experimental]</c> the pipeline's code meets (see <see cref="UsageMarks"/>).</param>
/// <param name="SignatureUsage">Those of the types in the typed overload's signature, which the overload carries as copies so that callers still see them.</param>
internal sealed record NotificationPlan(
    MediatorName Mediator,
    string ClassName,
    TypeRef NotificationType,
    bool IsValueType,
    bool CanBeDerived,
    bool IsPublic,
    int InheritanceDepth,
    ServiceLifetimeKind Lifetime,
    PublishStrategyKind Strategy,
    EquatableArray<PipelineStep> PublishSteps,
    EquatableArray<PipelineStep> HandlerSteps,
    EquatableArray<NotificationHandlerRef> Handlers,
    EquatableArray<UsageMark> Usage = default,
    EquatableArray<UsageMark> SignatureUsage = default)
{
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
