using Mediator;

namespace RuntimeTests;

// Fixtures of GenericDispatchTests. With them this project has more request, notification and stream request types than
// the generator's chain limit, so its generic Send, Publish and CreateStream switch on a TypeIndex (the tests check it).

// ---- many requests, each answered with its own number ----
public sealed record Numbered00 : IRequest<int>;
public sealed record Numbered01 : IRequest<int>;
public sealed record Numbered02 : IRequest<int>;
public sealed record Numbered03 : IRequest<int>;
public sealed record Numbered04 : IRequest<int>;
public sealed record Numbered05 : IRequest<int>;
public sealed record Numbered06 : IRequest<int>;
public sealed record Numbered07 : IRequest<int>;
public sealed record Numbered08 : IRequest<int>;
public sealed record Numbered09 : IRequest<int>;
public sealed record Numbered10 : IRequest<int>;
public sealed record Numbered11 : IRequest<int>;

[Handler]
public sealed class NumberedHandler
    : IRequestHandler<Numbered00, int>, IRequestHandler<Numbered01, int>, IRequestHandler<Numbered02, int>, IRequestHandler<Numbered03, int>,
      IRequestHandler<Numbered04, int>, IRequestHandler<Numbered05, int>, IRequestHandler<Numbered06, int>, IRequestHandler<Numbered07, int>,
      IRequestHandler<Numbered08, int>, IRequestHandler<Numbered09, int>, IRequestHandler<Numbered10, int>, IRequestHandler<Numbered11, int>
{
    public ValueTask<int> Handle(Numbered00 request, CancellationToken cancellationToken) => new(0);

    public ValueTask<int> Handle(Numbered01 request, CancellationToken cancellationToken) => new(1);

    public ValueTask<int> Handle(Numbered02 request, CancellationToken cancellationToken) => new(2);

    public ValueTask<int> Handle(Numbered03 request, CancellationToken cancellationToken) => new(3);

    public ValueTask<int> Handle(Numbered04 request, CancellationToken cancellationToken) => new(4);

    public ValueTask<int> Handle(Numbered05 request, CancellationToken cancellationToken) => new(5);

    public ValueTask<int> Handle(Numbered06 request, CancellationToken cancellationToken) => new(6);

    public ValueTask<int> Handle(Numbered07 request, CancellationToken cancellationToken) => new(7);

    public ValueTask<int> Handle(Numbered08 request, CancellationToken cancellationToken) => new(8);

    public ValueTask<int> Handle(Numbered09 request, CancellationToken cancellationToken) => new(9);

    public ValueTask<int> Handle(Numbered10 request, CancellationToken cancellationToken) => new(10);

    public ValueTask<int> Handle(Numbered11 request, CancellationToken cancellationToken) => new(11);
}

// ---- subclasses: the nearest handled base class wins ----
public class Animal : IRequest<string>
{
}

public class Dog : Animal
{
}

/// <summary>No handler of its own: routed to <see cref="Dog"/>'s pipeline, the deepest handled base.</summary>
public sealed class Puppy : Dog
{
}

/// <summary>No handler of its own: routed to <see cref="Animal"/>'s pipeline.</summary>
public sealed class Cat : Animal
{
}

[Handler]
public sealed class AnimalHandler : IRequestHandler<Animal, string>, IRequestHandler<Dog, string>
{
    // Constant answers, so that the allocation test can send these too.
    public ValueTask<string> Handle(Animal request, CancellationToken cancellationToken) => new("animal");

    public ValueTask<string> Handle(Dog request, CancellationToken cancellationToken) => new("dog");
}

// ---- a void request and its subclass ----
public class Chore : IRequest
{
}

public sealed class Dishes : Chore
{
}

[Handler]
public sealed class ChoreHandler(Recorder recorder) : IRequestHandler<Chore>
{
    public ValueTask Handle(Chore request, CancellationToken cancellationToken)
    {
        recorder.Add("chore " + request.GetType().Name);
        return default;
    }
}

// ---- one request, two answers: TResponse picks the pipeline ----
public sealed class TwoAnswers : IRequest<int>, IRequest<string>
{
}

[Handler]
public sealed class TwoAnswersHandler : IRequestHandler<TwoAnswers, int>, IRequestHandler<TwoAnswers, string>
{
    ValueTask<int> IRequestHandler<TwoAnswers, int>.Handle(TwoAnswers request, CancellationToken cancellationToken) => new(42);

    ValueTask<string> IRequestHandler<TwoAnswers, string>.Handle(TwoAnswers request, CancellationToken cancellationToken) => new("forty-two");
}

// ---- notifications: a struct, and a subclass without handlers of its own ----
public readonly record struct Tick(int Number) : INotification;

[Handler]
public sealed class TickHandler(Recorder recorder) : INotificationHandler<Tick>
{
    public ValueTask Handle(Tick notification, CancellationToken cancellationToken)
    {
        recorder.Add("tick " + notification.Number);
        return default;
    }
}

public class Alert : INotification
{
}

/// <summary>No handler of its own: the generic Publish runs <see cref="Alert"/>'s pipeline.</summary>
public sealed class FireAlert : Alert
{
}

[Handler]
public sealed class AlertHandler(Recorder recorder) : INotificationHandler<Alert>
{
    public ValueTask Handle(Alert notification, CancellationToken cancellationToken)
    {
        recorder.Add("alert " + notification.GetType().Name);
        return default;
    }
}

// ---- notifications whose handler does nothing, for the allocation test: a struct, and a subclass ----
public readonly record struct Pulse(int Number) : INotification;

public class Beat : INotification
{
}

public sealed class OffBeat : Beat
{
}

[Handler]
public sealed class SilentHandler : INotificationHandler<Pulse>, INotificationHandler<Beat>
{
    public ValueTask Handle(Pulse notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Beat notification, CancellationToken cancellationToken) => default;
}

// ---- streams: a subclass and a struct ----
public class Letters : IStreamRequest<char>
{
}

public sealed class MoreLetters : Letters
{
}

[Handler]
public sealed class LettersHandler : IStreamRequestHandler<Letters, char>
{
    public async IAsyncEnumerable<char> Handle(Letters request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return request is MoreLetters ? 'x' : 'a';
        await Task.CompletedTask;
    }
}

public readonly record struct Repeat(int Times) : IStreamRequest<int>;

[Handler]
public sealed class RepeatHandler : IStreamRequestHandler<Repeat, int>
{
    public async IAsyncEnumerable<int> Handle(Repeat request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < request.Times; i++)
        {
            yield return request.Times;
        }

        await Task.CompletedTask;
    }
}

public sealed record Echo(string Text) : IStreamRequest<string>;

public sealed record EchoTwice(string Text) : IStreamRequest<string>;

[Handler]
public sealed class EchoHandler : IStreamRequestHandler<Echo, string>, IStreamRequestHandler<EchoTwice, string>
{
    public async IAsyncEnumerable<string> Handle(Echo request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return request.Text;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> Handle(EchoTwice request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return request.Text;
        yield return request.Text;
        await Task.CompletedTask;
    }
}

// A void request and a stream request nobody handles: errors at compile time, suppressed here on purpose (as Unhandled).
#pragma warning disable MED0001
public sealed record UnhandledCommand : IRequest;

public sealed record UnhandledStream : IStreamRequest<int>;
#pragma warning restore MED0001
