using LoadHarness;
using LoadHarness.Martinothamar;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

// The seed's table (benchmarks/LoadHarness/LoadRunner.cs) for martinothamar/Mediator 3.0.2, with the hand-written chain
// again as this process's anchor. Writes benchmarks/results/load-martinothamar.json.
// dotnet run -c Release --project benchmarks/LoadHarness.Martinothamar [-- --filter noop5] [-- --out path]

var services = new ServiceCollection();
// martinothamar/Mediator's generator reads these options at compile time from this one call.
services.AddMediator(options =>
{
    options.Namespace = "LoadHarness.Martinothamar.Generated";
    options.ServiceLifetime = ServiceLifetime.Singleton;
    options.PipelineBehaviors =
    [
        typeof(NoOp1<,>), typeof(NoOp2<,>), typeof(NoOp3<,>), typeof(NoOp4<,>), typeof(NoOp5<,>),
        typeof(Blocking1<,>), typeof(Blocking2<,>), typeof(Blocking3<,>), typeof(Blocking4<,>), typeof(Blocking5<,>),
        typeof(Delay1<,>), typeof(Delay2<,>), typeof(Delay3<,>), typeof(Delay4<,>), typeof(Delay5<,>),
    ];
});
using var provider = services.BuildServiceProvider();
// The concrete generated class: its fastest path, as our typed Send.
var mediator = provider.GetRequiredService<LoadHarness.Martinothamar.Generated.Mediator>();

HelloBaseline baseline = new();
HelloNoOp1 noOp1 = new();
HelloNoOp5 noOp5 = new();
HelloBlocking5 blocking5 = new();
HelloDelay10x5 delay10 = new();
HelloDelay100x5 delay100 = new();

LoadTarget[] targets =
[
    // The anchor: the same hand-written rows as in LoadHarness.Ours, to compare the two processes.
    .. HandWrittenTargets.All(LoadCases.Baseline, LoadCases.NoOp5),
    new(Implementations.Martinothamar, LoadCases.Baseline, () => mediator.Send(baseline)),
    new(Implementations.Martinothamar, LoadCases.NoOp1, () => mediator.Send(noOp1)),
    new(Implementations.Martinothamar, LoadCases.NoOp5, () => mediator.Send(noOp5)),
    new(Implementations.Martinothamar, LoadCases.Blocking5, () => mediator.Send(blocking5)),
    new(Implementations.Martinothamar, LoadCases.Delay10x5, () => mediator.Send(delay10)),
    new(Implementations.Martinothamar, LoadCases.Delay100x5, () => mediator.Send(delay100)),
];

return HarnessMain.Run("martinothamar", args, targets);
