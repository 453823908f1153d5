using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Validation;

/// <summary>
/// Validates a message before the handler: first the message's own <see cref="IValidatable.Validate"/>, then every
/// <see cref="IValidator{TMessage}"/> registered for its type, all adding to one collector; any error refuses the message
/// with a <see cref="ValidationException"/> carrying all of them. No reflection: validators are ordinary services and
/// the message check is an interface call. Messages with neither pass straight through. A stream (<c>CreateStream</c>)
/// is validated the same way when the caller starts reading, before the first item: an invalid request never opens
/// the handler's stream.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Validation, Concern = Concerns.Validation)]
public sealed class ValidationMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>, IStreamOpeningCheck<TMessage>
{
    private readonly IValidator<TMessage>[] _validators;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="validators">
    /// The validators registered for <typeparamref name="TMessage"/> (none is fine); an <see cref="IValidatorGroup"/>
    /// that is empty is left out.
    /// </param>
    public ValidationMiddleware(IEnumerable<IValidator<TMessage>> validators)
        => _validators = WithoutEmptyGroups(validators ?? throw new ArgumentNullException(nameof(validators)));

    private static IValidator<TMessage>[] WithoutEmptyGroups(IEnumerable<IValidator<TMessage>> validators)
    {
        var all = validators.ToArray();
        var empty = 0;
        foreach (var validator in all)
            if (validator is IValidatorGroup { IsEmpty: true }) empty++;

        if (empty == 0) return all;
        if (empty == all.Length) return Array.Empty<IValidator<TMessage>>();
        return all.Where(v => v is not IValidatorGroup { IsEmpty: true }).ToArray();
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        if (_validators.Length > 0) return ValidateThenInvokeAsync(message, next, context);
        if (message is not IValidatable self) return next.InvokeAsync(message, context);

        var errors = new ValidationErrors();
        self.Validate(errors);
        if (!errors.IsValid) throw new ValidationException(typeof(TMessage), errors);
        return next.InvokeAsync(message, context);
    }

    private async ValueTask<TResult> ValidateThenInvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        await ValidateAsync(message, context.CancellationToken).ConfigureAwait(false);
        return await next.InvokeAsync(message, context).ConfigureAwait(false);
    }

    /// <summary>The message's own check, then every validator; throws with all their errors together.</summary>
    private async ValueTask ValidateAsync(TMessage message, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (message is IValidatable self) self.Validate(errors);
        foreach (var validator in _validators)
            await validator.ValidateAsync(message, errors, cancellationToken).ConfigureAwait(false);

        if (!errors.IsValid) throw new ValidationException(typeof(TMessage), errors);
    }

    /// <summary>
    /// Wraps a stream: a request with neither validators nor its own check passes through untouched; otherwise it is
    /// validated when reading starts, and the inner stream (and so the handler) is opened only when it is valid.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => _validators.Length > 0 || request is IValidatable
            ? new CheckedStreamEnumerator<TMessage, TResult, TNext, ValidationMiddleware<TMessage, TResult>>(this, request, next, context)
            : next.InvokeAsync(request, context).GetAsyncEnumerator();

    /// <summary>The stream's check, run in the caller's first read.</summary>
    ValueTask IStreamOpeningCheck<TMessage>.CheckAsync(TMessage request, MessageContext context) => ValidateAsync(request, context.CancellationToken);
}
