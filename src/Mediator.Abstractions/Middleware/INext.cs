using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// The rest of the pipeline, as seen by a middleware. The generator passes a distinct struct for every
/// position in every pipeline, so the call through it is a direct call the JIT can inline: no delegate,
/// no closure, no allocation.
/// </summary>
/// <typeparam name="TMessage">The message travelling through the pipeline.</typeparam>
/// <typeparam name="TResult">What the rest of the pipeline answers.</typeparam>
public interface INext<TMessage, TResult>
{
    /// <summary>Runs the next middleware, or the handler when this is the last step.</summary>
    /// <param name="message">The message; pass on the one you received unless you mean to replace it.</param>
    /// <param name="context">The context; pass on the one you received, or a copy made with its <c>With...</c> methods.</param>
    /// <returns>The answer of the inner pipeline.</returns>
    ValueTask<TResult> InvokeAsync(TMessage message, MessageContext context);
}
