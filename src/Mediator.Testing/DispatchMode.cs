namespace Mediator.Testing;

/// <summary>How a message was dispatched through the <see cref="MediatorTestClient"/>.</summary>
public enum DispatchMode
{
    /// <summary><c>Send</c>: a request with an answer, or a void request.</summary>
    Send = 0,

    /// <summary><c>Publish</c>: a notification to every handler.</summary>
    Publish = 1,

    /// <summary><c>CreateStream</c>: a stream request read item by item.</summary>
    Stream = 2,
}
