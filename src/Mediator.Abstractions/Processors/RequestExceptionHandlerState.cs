namespace Mediator;

/// <summary>
/// What an <see cref="IRequestExceptionHandler{TRequest, TResponse, TException}"/> decided: created only when an
/// exception reaches the handler, so a dispatch that succeeds never allocates one.
/// </summary>
/// <typeparam name="TResponse">The response type of the request.</typeparam>
public sealed class RequestExceptionHandlerState<TResponse>
{
    /// <summary>Whether the handler answered in place of the exception.</summary>
    public bool Handled { get; private set; }

    /// <summary>The answer given to <see cref="SetHandled"/>; meaningful only when <see cref="Handled"/> is true.</summary>
    public TResponse Response { get; private set; } = default!;

    /// <summary>Swallows the exception: the caller receives <paramref name="response"/> as the request's answer.</summary>
    /// <param name="response">The answer.</param>
    public void SetHandled(TResponse response)
    {
        Handled = true;
        Response = response;
    }
}
