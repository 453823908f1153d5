namespace LoadHarness;

/// <summary>The seed's cases and the implementations that run them; the ids are what the results file and the charts use.</summary>
public static class LoadCases
{
    public const string Baseline = "baseline";
    public const string NoOp1 = "noop1";
    public const string NoOp5 = "noop5";
    public const string Blocking5 = "blocking5";
    public const string Delay10x5 = "delay10x5";
    public const string Delay100x5 = "delay100x5";

    /// <summary>Every case with five layers of real work, in the seed's order.</summary>
    public static readonly string[] All = [Baseline, NoOp1, NoOp5, Blocking5, Delay10x5, Delay100x5];

    /// <summary>The seed's two sleeps (asyncio.sleep(0.01) and 0.1), per layer.</summary>
    public const int ShortDelayMs = 10;
    public const int LongDelayMs = 100;
}

public static class Implementations
{
    public const string HandWritten = "hand-written";
    public const string OursGenerated = "ours-generated";
    public const string OursDelegateChain = "ours-delegate-chain";
    public const string Martinothamar = "martinothamar-3.0.2";
    public const string MediatR = "mediatr-5.1.0";
}
