using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// A publish strategy of yours, chosen at compile time with <c>[PublishStrategy(typeof(MyStrategy))]</c> on a
/// notification type or the assembly. It replaces the built-in fan-out: publish-side middleware runs first, then this
/// method gets every handler of the notification, in their stable order, and decides how and whether each runs and what
/// the caller sees.
/// </summary>
/// <remarks>
/// MediatR's <c>INotificationPublisher</c> takes an <c>IEnumerable</c> of handler delegates, built on every publish. Here
/// the handlers come as <c>THandlers</c>, a struct the generator writes for each notification type: passing
/// it allocates nothing, and each call through it reaches the handler's compiled chain directly. A MediatR publisher
/// ports by looping <c>for (var i = 0; i &lt; handlers.Count; i++)</c> over <see cref="INotificationHandlers{TNotification}.InvokeAsync"/>.
/// </remarks>
public interface IPublishStrategy
{
    /// <summary>Runs the handlers of one publish.</summary>
    /// <typeparam name="TNotification">The notification type the pipeline was compiled for.</typeparam>
    /// <typeparam name="THandlers">The generated handler set of that type.</typeparam>
    /// <param name="notification">The notification.</param>
    /// <param name="handlers">Every handler, each with its handler-side middleware, in the order they are declared to run.</param>
    /// <param name="context">The dispatch context (the caller's token is <c>context.CancellationToken</c>).</param>
    /// <returns>A task that completes when the publish is done, as far as the caller is concerned.</returns>
    ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>;
}
