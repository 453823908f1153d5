using LoadHarness;
using LoadHarness.Ours;
using Microsoft.Extensions.DependencyInjection;

// The seed's table (benchmarks/LoadHarness/LoadRunner.cs) for the hand-written chain, our generated pipeline, the same
// middlewares as a run-time delegate chain, and MediatR 5.1.0. Writes benchmarks/results/load-ours.json.
// dotnet run -c Release --project benchmarks/LoadHarness.Ours [-- --filter noop5] [-- --out path]

using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
using var mediatRProvider = MediatRSetup.Build();
var mediator = provider.GetRequiredService<LoadHarness.Ours.Mediator>();
var mediatR = mediatRProvider.GetRequiredService<MediatR.IMediator>();
var handler = provider.GetRequiredService<HelloHandler>();

// One request object per case, created once: the harness measures the path, not the request's allocation.
HelloBaseline baseline = new();
HelloNoOp1 noOp1 = new();
HelloNoOp5 noOp5 = new();
HelloBlocking5 blocking5 = new();
HelloDelay10x5 delay10 = new();
HelloDelay100x5 delay100 = new();

// The delegate chain runs the handler at the bottom of a chain built per call from the case's delegates.
DelegateChain<HelloBaseline, byte[]> Chain(params Func<HelloBaseline, Func<ValueTask<byte[]>>, ValueTask<byte[]>>[] layers)
    => new(layers, request => handler.Handle(request, default));
var five = Enumerable.Range(1, 5).ToArray();
var chain0 = Chain();
var chain1 = Chain(DelegateMiddlewares.NoOp<HelloBaseline, byte[]>());
var chain5 = Chain(five.Select(_ => DelegateMiddlewares.NoOp<HelloBaseline, byte[]>()).ToArray());
var chainBlocking = Chain(five.Select(DelegateMiddlewares.Blocking<HelloBaseline, byte[]>).ToArray());
var chainDelay10 = Chain(five.Select(_ => DelegateMiddlewares.Delay<HelloBaseline, byte[]>(LoadCases.ShortDelayMs)).ToArray());
var chainDelay100 = Chain(five.Select(_ => DelegateMiddlewares.Delay<HelloBaseline, byte[]>(LoadCases.LongDelayMs)).ToArray());

MrHelloBaseline mrBaseline = new();
MrHelloNoOp1 mrNoOp1 = new();
MrHelloNoOp5 mrNoOp5 = new();
MrHelloBlocking5 mrBlocking5 = new();
MrHelloDelay10x5 mrDelay10 = new();
MrHelloDelay100x5 mrDelay100 = new();

LoadTarget[] targets =
[
    .. HandWrittenTargets.All(LoadCases.All),
    new(Implementations.OursGenerated, LoadCases.Baseline, () => mediator.Send(baseline)),
    new(Implementations.OursGenerated, LoadCases.NoOp1, () => mediator.Send(noOp1)),
    new(Implementations.OursGenerated, LoadCases.NoOp5, () => mediator.Send(noOp5)),
    new(Implementations.OursGenerated, LoadCases.Blocking5, () => mediator.Send(blocking5)),
    new(Implementations.OursGenerated, LoadCases.Delay10x5, () => mediator.Send(delay10)),
    new(Implementations.OursGenerated, LoadCases.Delay100x5, () => mediator.Send(delay100)),
    new(Implementations.OursDelegateChain, LoadCases.Baseline, () => chain0.Send(baseline)),
    new(Implementations.OursDelegateChain, LoadCases.NoOp1, () => chain1.Send(baseline)),
    new(Implementations.OursDelegateChain, LoadCases.NoOp5, () => chain5.Send(baseline)),
    new(Implementations.OursDelegateChain, LoadCases.Blocking5, () => chainBlocking.Send(baseline)),
    new(Implementations.OursDelegateChain, LoadCases.Delay10x5, () => chainDelay10.Send(baseline)),
    new(Implementations.OursDelegateChain, LoadCases.Delay100x5, () => chainDelay100.Send(baseline)),
    new(Implementations.MediatR, LoadCases.Baseline, () => new(mediatR.Send(mrBaseline))),
    new(Implementations.MediatR, LoadCases.NoOp1, () => new(mediatR.Send(mrNoOp1))),
    new(Implementations.MediatR, LoadCases.NoOp5, () => new(mediatR.Send(mrNoOp5))),
    new(Implementations.MediatR, LoadCases.Blocking5, () => new(mediatR.Send(mrBlocking5))),
    new(Implementations.MediatR, LoadCases.Delay10x5, () => new(mediatR.Send(mrDelay10))),
    new(Implementations.MediatR, LoadCases.Delay100x5, () => new(mediatR.Send(mrDelay100))),
];

return HarnessMain.Run("ours", args, targets);
