namespace Mediator;

/// <summary>
/// The <c>Order</c> a processor takes when its <see cref="MiddlewareAttribute"/> sets none: inside its layer (global,
/// group, message, handler) exception actions run outermost, then exception handlers, then pre-processors, then
/// post-processors, then every middleware, built-ins included (MediatR's order, where the processor behaviours wrap every
/// user behaviour). Name these to place a middleware among them: <c>[Middleware(Order = ProcessorOrder.PreProcessor + 1)]</c>
/// runs just inside the pre-processors.
/// </summary>
public static class ProcessorOrder
{
    /// <summary>Exception actions: they see every failure of the steps inside them, handled or not.</summary>
    public const int ExceptionAction = -40_000;

    /// <summary>Exception handlers: inside the actions, so an action does not see an exception a handler answered.</summary>
    public const int ExceptionHandler = -30_000;

    /// <summary>Pre-processors: inside the exception handlers, which see their failures too.</summary>
    public const int PreProcessor = -20_000;

    /// <summary>Post-processors: they see the answer of every middleware inside them.</summary>
    public const int PostProcessor = -10_000;
}
