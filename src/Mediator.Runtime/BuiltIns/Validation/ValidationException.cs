using System;
using System.Collections.Generic;
using System.Linq;

namespace Mediator.Validation;

/// <summary>
/// Thrown by the validation middleware when a message has errors: the handler was not called. <see cref="Errors"/>
/// holds every error, from the message's own check and from every validator (map it to HTTP 400 / problem details).
/// </summary>
/// <remarks>
/// It lives in Mediator.Runtime: the caller of <c>Send</c> catches it. Message and validator authors only add errors to a
/// <see cref="ValidationErrors"/> (in the abstractions), they never throw or catch this.
/// </remarks>
public sealed class ValidationException : Exception
{
    /// <summary>Describes a refused message.</summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="errors">Every error found (at least one).</param>
    public ValidationException(Type messageType, IReadOnlyList<ValidationError> errors)
        : base(Describe(messageType, errors))
    {
        MessageType = messageType;
        Errors = errors;
    }

    /// <summary>The refused message type.</summary>
    public Type MessageType { get; }

    /// <summary>Every error found, in the order they were added.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>
    /// The errors grouped by member, each member's messages in the order they were added: the shape of ASP.NET Core's
    /// <c>ValidationProblemDetails.Errors</c> (<c>Results.ValidationProblem(exception.ErrorsByMember())</c>), whatever
    /// produced them (<see cref="IValidatable"/>, an <see cref="IValidator{TMessage}"/>, FluentValidation). Errors about
    /// the message as a whole are under the empty key.
    /// </summary>
    /// <returns>A new dictionary, ordinal keys.</returns>
    public Dictionary<string, string[]> ErrorsByMember()
        => Errors.GroupBy(e => e.Member, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    private static string Describe(Type messageType, IReadOnlyList<ValidationError> errors)
        => messageType.Name + " is not valid: " + string.Join("; ", errors.Select(e => e.Member.Length == 0 ? e.Message : e.Member + ": " + e.Message));
}
