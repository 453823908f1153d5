using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Validation;

/// <summary>
/// Validates messages of type <typeparamref name="TMessage"/> from outside the message, with services (for example
/// "this e-mail address is not taken yet"). Register it in the container
/// (<c>services.AddMediatorValidator&lt;TMessage, TValidator&gt;()</c>); the built-in validation middleware runs every
/// validator of the message after the message's own <see cref="IValidatable.Validate"/>, and refuses the message when
/// any error was added.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
public interface IValidator<in TMessage>
{
    /// <summary>Adds an error to <paramref name="errors"/> for everything wrong with <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="errors">The collector of this dispatch, shared by every validator of the message.</param>
    /// <param name="cancellationToken">The dispatch's token.</param>
    /// <returns>A task that completes when validation is done.</returns>
    ValueTask ValidateAsync(TMessage message, ValidationErrors errors, CancellationToken cancellationToken);
}
