namespace Mediator;

/// <summary>
/// The mediator: every dispatch mode in one service (<c>Send</c>, <c>CreateStream</c>, <c>Publish</c>). Inject it (or
/// the generated concrete <c>Mediator</c> class, for the typed overloads) after calling the generated
/// <c>services.AddMediator()</c>.
/// </summary>
public interface IMediator : ISender, IPublisher
{
}
