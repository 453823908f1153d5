using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Issue 19: <c>Send(object)</c> and <c>Publish(object)</c> against the typed overloads of the concrete mediator (the
/// baseline of each group) and the generic methods through <c>IMediator</c>. Three groups: a class request with a
/// reference answer (nothing to box), a struct request with an <c>int</c> answer (the caller boxes the message, the
/// mediator the answer; <c>SendObjectPreBoxed</c> passes a message boxed once, so its bytes are the answer's alone), and a
/// notification with one handler. Every handler completes synchronously; every component is a singleton. This project has
/// more than eight request and notification types, so the generic and object paths use the type table.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 1, warmupCount: 6, iterationCount: 20)]
public class ObjectDispatchBenchmarks
{
    private readonly ObjectPing _ping = new();
    private readonly ObjectMeasure _measure = new(3);
    private readonly ObjectNote _note = new();
    private object _pingAsObject = null!;
    private object _measureBoxed = null!;
    private object _noteAsObject = null!;
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;
    private IMediator _interface = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _interface = _provider.GetRequiredService<IMediator>();
        _pingAsObject = _ping;
        _measureBoxed = _measure;
        _noteAsObject = _note;
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Send")]
    public async ValueTask<string> SendTyped() => await _mediator.Send(_ping);

    [Benchmark, BenchmarkCategory("Send")]
    public async ValueTask<string> SendGeneric() => await _interface.Send(_ping);

    [Benchmark, BenchmarkCategory("Send")]
    public async ValueTask<object?> SendObject() => await _interface.Send(_pingAsObject);

    [Benchmark(Baseline = true), BenchmarkCategory("Send struct")]
    public async ValueTask<int> StructSendTyped() => await _mediator.Send(_measure);

    [Benchmark, BenchmarkCategory("Send struct")]
    public async ValueTask<int> StructSendGeneric() => await _interface.Send(_measure);

    [Benchmark, BenchmarkCategory("Send struct")]
    public async ValueTask<object?> StructSendObject() => await _interface.Send((object)_measure);

    [Benchmark, BenchmarkCategory("Send struct")]
    public async ValueTask<object?> StructSendObjectPreBoxed() => await _interface.Send(_measureBoxed);

    [Benchmark(Baseline = true), BenchmarkCategory("Publish")]
    public ValueTask PublishTyped() => _mediator.Publish(_note);

    [Benchmark, BenchmarkCategory("Publish")]
    public ValueTask PublishGeneric() => _interface.Publish(_note);

    [Benchmark, BenchmarkCategory("Publish")]
    public ValueTask PublishObject() => _interface.Publish(_noteAsObject);
}

public sealed class ObjectPing : IRequest<string>;

public readonly record struct ObjectMeasure(int Value) : IRequest<int>;

public sealed class ObjectNote : INotification;

[Handler]
public sealed class ObjectDispatchHandlers : IRequestHandler<ObjectPing, string>, IRequestHandler<ObjectMeasure, int>, INotificationHandler<ObjectNote>
{
    private const string Pong = "pong";

    public ValueTask<string> Handle(ObjectPing request, CancellationToken cancellationToken) => new(Pong);

    public ValueTask<int> Handle(ObjectMeasure request, CancellationToken cancellationToken) => new(request.Value * 2);

    public ValueTask Handle(ObjectNote notification, CancellationToken cancellationToken) => default;
}
