namespace Mediator.Validation;

/// <summary>One thing wrong with a message.</summary>
/// <param name="Member">The member at fault (for example <c>"Email"</c> or <c>"Lines[2].Quantity"</c>), or empty for the message as a whole.</param>
/// <param name="Message">What is wrong, for the person who sent it.</param>
public sealed record ValidationError(string Member, string Message);
