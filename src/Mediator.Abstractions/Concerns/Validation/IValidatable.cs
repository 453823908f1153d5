namespace Mediator.Validation;

/// <summary>
/// A message that checks itself. The built-in validation middleware calls <see cref="Validate"/> before the handler and
/// refuses the message with a <c>ValidationException</c> carrying every error added. Plain code, no reflection: it works
/// under Native AOT and trimming.
/// <code>
/// public sealed record Register(string Email, int Age) : IRequest, IValidatable
/// {
///     public void Validate(ValidationErrors errors)
///     {
///         errors.Require(Email.Contains('@'), nameof(Email), "Not an e-mail address.");
///         errors.Require(Age >= 18, nameof(Age), "Must be an adult.");
///     }
/// }
/// </code>
/// </summary>
[RequiresConcern(Concerns.Validation)]
public interface IValidatable
{
    /// <summary>Adds an error to <paramref name="errors"/> for everything wrong with this message.</summary>
    /// <param name="errors">The collector of this dispatch.</param>
    void Validate(ValidationErrors errors);
}
