using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// The handler layer: middleware named by <c>[UseMiddleware]</c> on a handler class wraps that handler, innermost.
/// Planning and the diagnostics ask the same questions here, so that what is reported is what is left out.
/// </summary>
internal static class HandlerMiddleware
{
    /// <summary>
    /// The middlewares named on <paramref name="handler"/> that wrap it for <paramref name="message"/>: message-side
    /// (MED0029 otherwise), fitting the message (MED0027) and not already in the pipeline automatically (MED0028).
    /// </summary>
    /// <param name="handler">The handler, with the middlewares its class names.</param>
    /// <param name="message">The concrete message of the pipeline.</param>
    /// <param name="result">Its result (<c>Unit</c> for notifications, the item type for streams).</param>
    /// <param name="mode">Send, Publish or CreateStream.</param>
    /// <param name="automatic">The message-side middleware placed by constraints, which wraps every handler of the message.</param>
    public static IEnumerable<MiddlewareSpec> For(
        HandlerSpec handler,
        MessageTypeSpec message,
        MessageTypeSpec result,
        MessageKind mode,
        IReadOnlyCollection<MiddlewareSpec> automatic)
        => handler.Middlewares.Where(m => !m.OnPublish
            && MiddlewareMatcher.Match(m, message, result, mode, Receiver(handler)) is not null
            && AlreadyApplied(m, message, result, mode, automatic, Receiver(handler)) is null);

    /// <summary>The handler whose class attributes also configure its middleware: a notification handler, which has an instance of its own.</summary>
    public static HandlerSpec? Receiver(HandlerSpec handler) => handler.Kind == MessageKind.Notification ? handler : null;

    /// <summary>The automatic middleware of the same class that already wraps the message (for a notification, that <paramref name="receiver"/>), if any.</summary>
    public static MiddlewareSpec? AlreadyApplied(
        MiddlewareSpec named,
        MessageTypeSpec message,
        MessageTypeSpec result,
        MessageKind mode,
        IEnumerable<MiddlewareSpec> automatic,
        HandlerSpec? receiver = null)
        => automatic.FirstOrDefault(a => !a.OnPublish
            && string.Equals(a.OpenName, named.OpenName, StringComparison.Ordinal)
            && MiddlewareMatcher.Match(a, message, result, mode, receiver) is not null);

    /// <summary>
    /// The concrete messages whose pipelines <paramref name="handler"/> runs in: its request or stream request; for a
    /// notification handler, every concrete notification it receives, or its handled type when none is declared.
    /// </summary>
    public static IEnumerable<MessageTypeSpec> Messages(HandlerSpec handler, IReadOnlyList<MessageTypeSpec> notifications)
    {
        if (handler.Kind != MessageKind.Notification)
        {
            return new[] { handler.Request };
        }

        var handled = handler.Request.Type.Erased;
        var received = notifications.Where(n => n.Supertypes.Contains(handled)).ToList();
        return received.Count > 0 ? received : new[] { handler.Request };
    }
}
