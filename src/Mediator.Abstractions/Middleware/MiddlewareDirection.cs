namespace Mediator;

/// <summary>Which side of a notification's dispatch a middleware runs on.</summary>
public enum MiddlewareDirection
{
    /// <summary>
    /// Around the handling of a message: around each notification handler (per-handler error policy, per-handler
    /// metrics), and around the handler of a request or stream.
    /// </summary>
    OnMessage = 0,

    /// <summary>Once per <c>Publish</c> call, before the notification fans out (enrich, validate, measure).</summary>
    OnPublish = 1,
}
