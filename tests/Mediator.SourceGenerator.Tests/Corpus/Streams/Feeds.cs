using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Feeds;

public sealed record Reading(string Sensor, double Value);

public readonly record struct ReadSensor(string Sensor, int Count) : IStreamRequest<Reading>;

public sealed class Tail : IStreamRequest<string>
{
    public required IReadOnlyList<string> Lines { get; init; }

    public int Last { get; init; } = 2;
}

[Handler]
public sealed class SensorFeed : IStreamRequestHandler<ReadSensor, Reading>, IStreamRequestHandler<Tail, string>
{
    public async IAsyncEnumerable<Reading> Handle(ReadSensor request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < request.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new Reading(request.Sensor, i * 0.5);
        }
    }

    public IAsyncEnumerable<string> Handle(Tail request, CancellationToken cancellationToken)
        => Lines(request.Lines, Math.Max(0, request.Lines.Count - request.Last), cancellationToken);

    private static async IAsyncEnumerable<string> Lines(IReadOnlyList<string> lines, int from, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = from; i < lines.Count; i++)
        {
            await Task.CompletedTask;
            yield return lines[i];
        }
    }
}

/// <summary>Numbers every item of every stream.</summary>
[Middleware(Order = 3)]
public sealed class Numbering<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
{
    private readonly Counter _counter;

    public Numbering(Counter counter) => _counter = counter;

    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
    {
        await foreach (var item in next.InvokeAsync(request, context))
        {
            _counter.Count++;
            yield return item;
        }
    }
}

/// <summary>Only sensor streams: stops after a limit.</summary>
[Middleware(Order = 4)]
public sealed class Limit<TRequest> : IStreamMiddleware<TRequest, Reading>
    where TRequest : struct
{
    public async IAsyncEnumerator<Reading> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, Reading>
    {
        var taken = 0;
        await foreach (var item in next.InvokeAsync(request, context))
        {
            if (++taken > 3)
            {
                yield break;
            }

            yield return item;
        }
    }
}

public sealed class Counter
{
    public int Count { get; set; }
}
