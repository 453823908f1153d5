namespace Mediator.SourceGenerator.Model;

/// <summary>The three dispatch modes; a handler contract belongs to one.</summary>
internal enum MessageKind
{
    /// <summary><c>IRequest&lt;T&gt;</c> / <c>IRequest</c>, sent with <c>Send</c> to exactly one handler.</summary>
    Request = 0,

    /// <summary><c>INotification</c>, published with <c>Publish</c> to every handler.</summary>
    Notification = 1,

    /// <summary><c>IStreamRequest&lt;T&gt;</c>, opened with <c>CreateStream</c>, one handler.</summary>
    Stream = 2,
}

/// <summary>The generator's copy of <c>Mediator.PublishStrategy</c> (same values), and <see cref="Custom"/>.</summary>
internal enum PublishStrategyKind
{
    Sequential = 0,
    Concurrent = 1,
    FireAndForget = 2,
    StopOnFirstFailure = 3,

    /// <summary>A class of the user's implementing <c>IPublishStrategy</c>; not a value of the public enum.</summary>
    Custom = 100,
}

/// <summary>The generator's copy of <c>Mediator.PublishFailures</c> (same values).</summary>
internal enum PublishFailureKind
{
    Aggregate = 0,
    Original = 1,
}

/// <summary>A strategy named by <c>[PublishStrategy]</c>: a built-in one, or <see cref="PublishStrategyKind.Custom"/> with its class.</summary>
/// <param name="Kind">The strategy.</param>
/// <param name="CustomType">For <see cref="PublishStrategyKind.Custom"/>, the class as generated code writes it.</param>
/// <param name="IsImplicit">The class's <c>PublishAsync</c> is a public method of its own: called directly, not through the interface.</param>
internal sealed record PublishStrategyChoice(PublishStrategyKind Kind, string? CustomType = null, bool IsImplicit = false)
{
    public static readonly PublishStrategyChoice Sequential = new(PublishStrategyKind.Sequential);
}

/// <summary>Where a middleware sits in the hierarchy: global wraps group wraps message wraps handler.</summary>
internal enum MiddlewareLevel
{
    /// <summary>Applies wherever its constraints allow.</summary>
    Global = 0,

    /// <summary>Its message type parameter is constrained to a type marked <c>[MiddlewareGroup]</c>.</summary>
    Group = 1,

    /// <summary>Written for one closed message type.</summary>
    Message = 2,

    /// <summary>Named by <c>[UseMiddleware]</c> on one handler class: wraps that handler only, innermost.</summary>
    Handler = 3,
}

/// <summary>Which middleware interface a contract came from, and so which modes it may serve.</summary>
internal enum ContractKind
{
    /// <summary><c>IMiddleware&lt;TMessage, TResult&gt;</c>: requests and notifications.</summary>
    Any = 0,

    /// <summary><c>IRequestMiddleware&lt;TRequest, TResponse&gt;</c>: requests only.</summary>
    Request = 1,

    /// <summary><c>INotificationMiddleware&lt;TNotification&gt;</c>: notifications only, answering a plain <c>ValueTask</c>.</summary>
    Notification = 2,

    /// <summary><c>IStreamMiddleware&lt;TRequest, TItem&gt;</c>: streams only.</summary>
    Stream = 3,

    /// <summary><c>IRequestPreProcessor&lt;TRequest&gt;</c>: requests only, a <see cref="StepRole.PreProcessor"/> step.</summary>
    RequestPreProcessor = 4,

    /// <summary><c>IRequestPostProcessor&lt;TRequest, TResponse&gt;</c>: requests only, a <see cref="StepRole.PostProcessor"/> step.</summary>
    RequestPostProcessor = 5,

    /// <summary><c>IRequestExceptionHandler&lt;TRequest, TResponse, TException&gt;</c>: requests only, a <see cref="StepRole.ExceptionHandler"/> step.</summary>
    RequestExceptionHandler = 6,

    /// <summary><c>IRequestExceptionAction&lt;TRequest, TException&gt;</c>: requests only, a <see cref="StepRole.ExceptionAction"/> step.</summary>
    RequestExceptionAction = 7,

    /// <summary><c>IStreamPreProcessor&lt;TRequest&gt;</c>: streams only, a <see cref="StepRole.PreProcessor"/> step.</summary>
    StreamPreProcessor = 8,
}

/// <summary>
/// What a step of a pipeline does, and so how the emitters call it: a middleware's <c>InvokeAsync</c> with the rest of the
/// pipeline, or one of the processor steps of <c>Mediator.Internal.ProcessorSteps</c> around a processor's own method.
/// </summary>
internal enum StepRole
{
    /// <summary>A middleware: its <c>InvokeAsync</c> decides when the rest of the pipeline runs.</summary>
    Middleware = 0,

    /// <summary>Runs before the rest of the pipeline (<c>IRequestPreProcessor</c>, <c>IStreamPreProcessor</c>).</summary>
    PreProcessor = 1,

    /// <summary>Runs after the rest of the pipeline answered, with the answer (<c>IRequestPostProcessor</c>).</summary>
    PostProcessor = 2,

    /// <summary>Sees an exception of the rest of the pipeline and may answer instead (<c>IRequestExceptionHandler</c>).</summary>
    ExceptionHandler = 3,

    /// <summary>Sees an exception of the rest of the pipeline, which is rethrown after it (<c>IRequestExceptionAction</c>).</summary>
    ExceptionAction = 4,
}

/// <summary>The role and mode facts of each contract kind, in one place.</summary>
internal static class ContractKinds
{
    /// <summary>The step a contract of this kind makes.</summary>
    public static StepRole RoleOf(ContractKind kind) => kind switch
    {
        ContractKind.RequestPreProcessor or ContractKind.StreamPreProcessor => StepRole.PreProcessor,
        ContractKind.RequestPostProcessor => StepRole.PostProcessor,
        ContractKind.RequestExceptionHandler => StepRole.ExceptionHandler,
        ContractKind.RequestExceptionAction => StepRole.ExceptionAction,
        _ => StepRole.Middleware,
    };

    /// <summary>
    /// The <c>Order</c> a processor takes when it writes none (the values of <c>Mediator.ProcessorOrder</c>): exception
    /// actions, exception handlers, pre-processors, post-processors, outermost first, all outside middleware at its
    /// default 0 and the built-ins (-1100 to -100).
    /// </summary>
    public static int DefaultOrder(StepRole role) => role switch
    {
        StepRole.ExceptionAction => -40_000,
        StepRole.ExceptionHandler => -30_000,
        StepRole.PreProcessor => -20_000,
        StepRole.PostProcessor => -10_000,
        _ => 0,
    };

    /// <summary>The method a contract of this kind declares, which the class must implement.</summary>
    public static string MethodOf(ContractKind kind) => kind switch
    {
        ContractKind.RequestPreProcessor or ContractKind.RequestPostProcessor or ContractKind.StreamPreProcessor => "Process",
        ContractKind.RequestExceptionHandler => "Handle",
        ContractKind.RequestExceptionAction => "Execute",
        _ => "InvokeAsync",
    };

    /// <summary>How users read a processor role in messages and doc comments.</summary>
    public static string Describe(StepRole role) => role switch
    {
        StepRole.PreProcessor => "pre-processor",
        StepRole.PostProcessor => "post-processor",
        StepRole.ExceptionHandler => "exception handler",
        StepRole.ExceptionAction => "exception action",
        _ => "middleware",
    };
}
