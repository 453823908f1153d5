namespace Mediator.Validation;

/// <summary>
/// An <see cref="IValidator{TMessage}"/> that stands for the validators of another library (FluentValidation's, through
/// CompiledMediator.FluentValidation) and may hold none for a message type. Registered once as an open generic, such
/// an adapter exists for every message; <see cref="ValidationMiddleware{TMessage, TResult}"/> leaves out the empty ones
/// when it is built, so a message with nothing to check keeps its path without validators (synchronous, no allocation).
/// </summary>
public interface IValidatorGroup
{
    /// <summary>Whether the group holds no validator for its message type, so validating with it could add no error.</summary>
    bool IsEmpty { get; }
}
