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
}
