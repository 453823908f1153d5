using LoadHarness;

namespace Charts;

/// <summary>Human names for the ids in the results files.</summary>
public static class Labels
{
    public static string Implementation(string id) => id switch
    {
        Implementations.HandWritten => "hand-written",
        Implementations.OursGenerated => "ours (generated)",
        Implementations.OursDelegateChain => "ours as a run-time delegate chain",
        Implementations.Martinothamar => "martinothamar/Mediator 3.0.2",
        Implementations.MediatR => "MediatR 5.1.0",
        _ => id,
    };

    public static string Case(string id) => id switch
    {
        LoadCases.Baseline => "baseline (no middleware)",
        LoadCases.NoOp1 => "1 no-op",
        LoadCases.NoOp5 => "5 stacked no-op",
        LoadCases.Blocking5 => "5 stacked blocking (1,000 lines to a file)",
        LoadCases.Delay10x5 => "5 stacked await Task.Delay(10 ms)",
        LoadCases.Delay100x5 => "5 stacked await Task.Delay(100 ms)",
        _ => id,
    };
}
