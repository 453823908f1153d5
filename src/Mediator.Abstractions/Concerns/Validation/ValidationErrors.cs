using System;
using System.Collections;
using System.Collections.Generic;

namespace Mediator.Validation;

/// <summary>
/// Collects the errors of one message: <see cref="IValidatable.Validate"/> and every <see cref="IValidator{TMessage}"/>
/// add to the same collector, so the caller learns everything wrong at once.
/// </summary>
public sealed class ValidationErrors : IReadOnlyList<ValidationError>
{
    private List<ValidationError>? _errors; // most messages are valid: no list until the first error

    /// <summary>Whether no error has been added.</summary>
    public bool IsValid => _errors is null;

    /// <inheritdoc />
    public int Count => _errors?.Count ?? 0;

    /// <inheritdoc />
    public ValidationError this[int index] => _errors is null ? throw new ArgumentOutOfRangeException(nameof(index)) : _errors[index];

    /// <summary>Adds an error.</summary>
    /// <param name="member">The member at fault, or empty for the message as a whole.</param>
    /// <param name="message">What is wrong.</param>
    public void Add(string member, string message) => Add(new ValidationError(member ?? string.Empty, message ?? throw new ArgumentNullException(nameof(message))));

    /// <summary>Adds an error.</summary>
    /// <param name="error">The error.</param>
    public void Add(ValidationError error) => (_errors ??= new List<ValidationError>()).Add(error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Adds an error for <paramref name="member"/> when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">What must hold.</param>
    /// <param name="member">The member at fault.</param>
    /// <param name="message">What is wrong when it does not hold.</param>
    public void Require(bool condition, string member, string message)
    {
        if (!condition) Add(member, message);
    }

    /// <inheritdoc />
    public IEnumerator<ValidationError> GetEnumerator() => (_errors ?? (IEnumerable<ValidationError>)Array.Empty<ValidationError>()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
