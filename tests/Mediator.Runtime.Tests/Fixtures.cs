using System.Collections.Concurrent;
using Mediator;

namespace RuntimeTests;

/// <summary>What ran, in order; one per container.</summary>
public sealed class Recorder
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public void Add(string line) => _lines.Enqueue(line);
}

/// <summary>Marks requests that the three tracing middlewares wrap.</summary>
public interface ITraced
{
}

public sealed record Traced(string Text) : IRequest<string>, ITraced;

public sealed record TracedCommand(string Text) : IRequest, ITraced;

public sealed record Untraced(string Text) : IRequest<string>;

[Handler]
public sealed class TracedHandler(Recorder recorder) : IRequestHandler<Traced, string>, IRequestHandler<TracedCommand>, IRequestHandler<Untraced, string>
{
    public ValueTask<string> Handle(Traced request, CancellationToken cancellationToken)
    {
        recorder.Add("handler " + request.Text);
        return new(request.Text.ToUpperInvariant());
    }

    public ValueTask Handle(TracedCommand request, CancellationToken cancellationToken)
    {
        recorder.Add("handler " + request.Text);
        return default;
    }

    public ValueTask<string> Handle(Untraced request, CancellationToken cancellationToken)
    {
        recorder.Add("handler " + request.Text);
        return new(request.Text);
    }
}

public abstract class TracingMiddleware<TRequest, TResponse>(Recorder recorder, string name) : IRequestMiddleware<TRequest, TResponse>
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        recorder.Add(name + " before");
        try
        {
            return await next.InvokeAsync(request, context);
        }
        finally
        {
            recorder.Add(name + " after");
        }
    }
}

// Declared out of order on purpose: Order decides, not declaration order or names.
[Middleware(Order = 30)]
public sealed class Inner<TRequest, TResponse>(Recorder recorder) : TracingMiddleware<TRequest, TResponse>(recorder, "inner")
    where TRequest : IRequest<TResponse>, ITraced;

[Middleware(Order = 10)]
public sealed class Outer<TRequest, TResponse>(Recorder recorder) : TracingMiddleware<TRequest, TResponse>(recorder, "outer")
    where TRequest : IRequest<TResponse>, ITraced;

[Middleware(Order = 20)]
public sealed class Middle<TRequest, TResponse>(Recorder recorder) : TracingMiddleware<TRequest, TResponse>(recorder, "middle")
    where TRequest : IRequest<TResponse>, ITraced;

/// <summary>Only requests answering with a string and marked ITraced: constraints on TResponse count too.</summary>
[Middleware(Order = 25)]
public sealed class StringsOnly<TRequest>(Recorder recorder) : TracingMiddleware<TRequest, string>(recorder, "strings-only")
    where TRequest : IRequest<string>, ITraced;
