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

/// <summary>The generator's copy of <c>Mediator.PublishStrategy</c> (same values).</summary>
internal enum PublishStrategyKind
{
    Sequential = 0,
    Concurrent = 1,
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
