using Mediator;

namespace AotConsole;

public sealed record Ping(string Text) : IRequest<string>;

public sealed record OrderShipped(int Id) : INotification;

public sealed record Countdown(int From) : IStreamRequest<int>;
