namespace Mediator.Testing.Tests.Fakes;

// Messages the fake mediator knows.
public sealed record Ping(int Id, bool Fail = false) : IRequest<Pong>;

public sealed record Pong(int Id);

public sealed record Command(string Name) : IRequest;

/// <summary>A request whose handler dispatches <see cref="Inner"/> through the client (see <see cref="FakeBehaviour.OnOuter"/>).</summary>
public sealed record Outer : IRequest<int>;

public sealed record Unknown : IRequest<int>;

/// <summary>Two handlers: <see cref="DroppingHandler"/> drops it, <see cref="FlakyHandler"/> asks for a retry until attempts run out.</summary>
public sealed record OrderPlaced(bool Concurrent = false) : INotification;

/// <summary>Publish-side middleware drops it before the fan-out.</summary>
public sealed record Filtered : INotification;

/// <summary>Published by the stream handler before each item.</summary>
public sealed record ItemProduced(int Item) : INotification;

public sealed record Countdown(int Count, int FailAfter = -1) : IStreamRequest<int>;

public sealed record UnknownStream : IStreamRequest<int>;
