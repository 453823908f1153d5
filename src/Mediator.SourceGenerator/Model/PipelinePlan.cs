namespace Mediator.SourceGenerator.Model;

/// <summary>The compiled pipeline of one request type: its middlewares, outermost first, then its handler.</summary>
/// <param name="Mediator">The generated mediator class the pipeline is nested in.</param>
/// <param name="ClassName">Name of the nested pipeline class, unique within the mediator.</param>
/// <param name="RequestType">The request type (never annotated at the top); emitters choose its text for each position.</param>
/// <param name="ResponseType">The response type (<c>global::Mediator.Unit</c> for void).</param>
/// <param name="IsVoid">The request has no answer; <c>Send</c> returns a plain <c>ValueTask</c>.</param>
/// <param name="RequestIsValueType">The request is a struct: no null check, unboxed in the generic path.</param>
/// <param name="RequestCanBeDerived">The request is a class that is not sealed: the generic path also tests for subclasses.</param>
/// <param name="IsPublic">Request and response are public, so the typed <c>Send</c> overload can be.</param>
/// <param name="InheritanceDepth">Of the request type; the generic path tests deeper types first.</param>
/// <param name="GuardResponseType">The request implements several <c>IRequest&lt;T&gt;</c>: the generic path must also check <c>TResponse</c>.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandlerLifetime">Decides whether the pipeline is cached (singleton) or resolved per dispatch.</param>
/// <param name="HandlerIsImplicit">Call <c>Handle</c> directly rather than through the interface.</param>
/// <param name="Steps">Middlewares, outermost first.</param>
/// <param name="Usage">Every <c>[Obsolete]</c> and <c>[Experimental]</c> the pipeline's code meets (see <see cref="UsageMarks"/>).</param>
/// <param name="SignatureUsage">Those of the types in the typed overload's signature, which the overload carries as copies so that callers still see them.</param>
internal sealed record PipelinePlan(
    MediatorName Mediator,
    string ClassName,
    TypeRef RequestType,
    TypeRef ResponseType,
    bool IsVoid,
    bool RequestIsValueType,
    bool RequestCanBeDerived,
    bool IsPublic,
    int InheritanceDepth,
    bool GuardResponseType,
    string HandlerType,
    ServiceLifetimeKind HandlerLifetime,
    bool HandlerIsImplicit,
    EquatableArray<PipelineStep> Steps,
    EquatableArray<UsageMark> Usage = default,
    EquatableArray<UsageMark> SignatureUsage = default);

/// <summary>One middleware in a pipeline, closed over the pipeline's request and response.</summary>
/// <param name="MiddlewareType">The closed middleware type in generated code.</param>
/// <param name="DisplayName">The middleware class as a user reads it.</param>
/// <param name="Order">Its <c>Order</c>, for the pipeline's doc comment.</param>
/// <param name="IsImplicit">Call <c>InvokeAsync</c> directly rather than through the interface.</param>
/// <param name="Level">Global, group, message or handler middleware, for the pipeline's doc comment.</param>
/// <param name="Group">The group it belongs to, for group middleware.</param>
/// <param name="Concern">The concern it provides, for the pipeline's doc comment.</param>
/// <param name="FromAssemblyAttribute">Placed by <c>[assembly: UseMiddleware]</c>, for the pipeline's doc comment.</param>
/// <param name="Arguments">For a per-message configured middleware, its constructor arguments in this pipeline; empty when it comes from the container.</param>
/// <param name="ReturnsPlainValueTask">
/// Reached through <c>INotificationMiddleware&lt;T&gt;</c>: its <c>InvokeAsync</c> returns a plain <c>ValueTask</c> and takes an
/// <c>INotificationNext&lt;T&gt;</c>, where every other step returns <c>ValueTask&lt;TResult&gt;</c> and takes an <c>INext&lt;T, TResult&gt;</c>.
/// </param>
/// <param name="Usage">The <c>[Obsolete]</c> and <c>[Experimental]</c> of the middleware and of the types it is closed over.</param>
internal sealed record PipelineStep(
    string MiddlewareType,
    string DisplayName,
    int Order,
    bool IsImplicit,
    MiddlewareLevel Level = MiddlewareLevel.Global,
    string? Group = null,
    string? Concern = null,
    bool FromAssemblyAttribute = false,
    EquatableArray<StepArgument> Arguments = default,
    bool ReturnsPlainValueTask = false,
    EquatableArray<UsageMark> Usage = default)
{
    /// <summary>Built by the pipeline's factory with the message's attribute, not resolved from the container.</summary>
    public bool IsConfigured => Arguments.Count > 0;
}
