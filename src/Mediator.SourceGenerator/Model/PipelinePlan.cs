namespace Mediator.SourceGenerator.Model;

/// <summary>The compiled pipeline of one request type: its middlewares, outermost first, then its handler.</summary>
/// <param name="Shape">The request, its response, the pipeline class and what the mediator's dispatch needs of them.</param>
/// <param name="IsVoid">The request has no answer; <c>Send</c> returns a plain <c>ValueTask</c>.</param>
/// <param name="GuardResponseType">The request implements several <c>IRequest&lt;T&gt;</c>: the generic path must also check <c>TResponse</c>.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandlerIsImplicit">Call <c>Handle</c> directly rather than through the interface.</param>
/// <param name="Steps">Middlewares, outermost first.</param>
internal sealed record PipelinePlan(
    MessageShape Shape,
    bool IsVoid,
    bool GuardResponseType,
    string HandlerType,
    bool HandlerIsImplicit,
    EquatableArray<PipelineStep> Steps);

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
/// <param name="Role">A middleware, or the processor step that calls it (<c>Mediator.Internal.ProcessorSteps</c>).</param>
/// <param name="ExceptionType">For an exception handler or action: the exception type it is written for, in generated code.</param>
/// <param name="ConfiguredByHandler">A notification handler's own instance configured by an attribute on the handler class (rather than the notification), for the pipeline's doc comment.</param>
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
    EquatableArray<UsageMark> Usage = default,
    bool ConfiguredByHandler = false,
    StepRole Role = StepRole.Middleware,
    string? ExceptionType = null)
{
    /// <summary>Built by the pipeline's factory with the message's attribute, not resolved from the container.</summary>
    public bool IsConfigured => Arguments.Count > 0;
}
