using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mediator.Validation;

namespace Mediator.FluentValidation;

/// <summary>
/// Runs every FluentValidation validator of <typeparamref name="TMessage"/> for the validation built-in, and adds
/// their failures to the dispatch's <see cref="ValidationErrors"/> as (property name, error message): the built-in
/// then refuses the message with its one <see cref="ValidationException"/>, together with the errors of
/// <see cref="IValidatable"/> and the mediator's own validators. Registered once as an open generic
/// (<c>AddMediatorFluentValidation</c>); for a message with no FluentValidation validator it is an empty
/// <see cref="IValidatorGroup"/>, which the built-in leaves out.
/// </summary>
/// <remarks>
/// Always through <c>ValidateAsync</c>: FluentValidation refuses a synchronous <c>Validate</c> on a validator with
/// asynchronous rules (<c>MustAsync</c>, <c>CustomAsync</c>), and runs synchronous rules inline in the asynchronous path.
/// Every failure counts, whatever its <c>Severity</c>, as FluentValidation's own <c>IsValid</c> does.
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
internal sealed class FluentValidationAdapter<TMessage> : Mediator.Validation.IValidator<TMessage>, IValidatorGroup
{
    private readonly global::FluentValidation.IValidator<TMessage>[] _validators;

    /// <param name="validators">FluentValidation's validators of <typeparamref name="TMessage"/> from the container.</param>
    public FluentValidationAdapter(IEnumerable<global::FluentValidation.IValidator<TMessage>> validators)
        => _validators = (validators ?? throw new ArgumentNullException(nameof(validators))).ToArray();

    /// <inheritdoc />
    public bool IsEmpty => _validators.Length == 0;

    /// <inheritdoc />
    public async ValueTask ValidateAsync(TMessage message, ValidationErrors errors, CancellationToken cancellationToken)
    {
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken).ConfigureAwait(false);
            foreach (var failure in result.Errors)
            {
                errors.Add(failure.PropertyName ?? string.Empty, failure.ErrorMessage);
            }
        }
    }
}
