using LoadHarness;

namespace HttpLoad;

/// <summary>How the tables and charts name implementations and cases.</summary>
public static class HttpLabels
{
    public static string Implementation(string id) => id switch
    {
        HttpImplementations.Direct => "endpoint calls the handler (hand-written layers)",
        HttpImplementations.DirectCopy => "A/A copy of the direct baseline",
        HttpImplementations.AspNetUse => "ASP.NET Core app.Use",
        HttpImplementations.OursSender => "ours (generated) via ISender",
        HttpImplementations.OursTyped => "ours (generated), typed Send",
        HttpImplementations.OursDelegateChain => "ours as a run-time delegate chain",
        HttpImplementations.Martinothamar => "martinothamar/Mediator 3.0.2",
        HttpImplementations.MediatR => "MediatR 5.1.0",
        HttpImplementations.ProblemDetailsIdle => "direct + problem-details handler (idle)",
        HttpImplementations.DirectInMartinothamarServer => "direct, in the martinothamar server",
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
