namespace LoadHarness;

/// <summary>The handler's body with no handler class around it: what the hand-written chains call at the bottom.</summary>
public readonly struct HelloInner : IHandWrittenInner<byte[]>
{
    public ValueTask<byte[]> InvokeAsync() => new(HelloWorldResponse.Serialize());
}

/// <summary>The hand-written column of the table, identical in both harness executables.</summary>
public static class HandWrittenTargets
{
    public static IEnumerable<LoadTarget> All(params string[] cases)
    {
        foreach (var @case in cases)
        {
            yield return new LoadTarget(Implementations.HandWritten, @case, @case switch
            {
                LoadCases.Baseline => static () => HandWrittenChain<HelloInner, byte[]>.Run0(default),
                LoadCases.NoOp1 => static () => HandWrittenChain<HelloInner, byte[]>.Run1(default),
                LoadCases.NoOp5 => static () => HandWrittenChain<HelloInner, byte[]>.Run5(default),
                LoadCases.Blocking5 => static () => HandWrittenWorkChain<HelloInner, byte[]>.Blocking5(default),
                LoadCases.Delay10x5 => static () => HandWrittenWorkChain<HelloInner, byte[]>.Delay5(default, LoadCases.ShortDelayMs),
                LoadCases.Delay100x5 => static () => HandWrittenWorkChain<HelloInner, byte[]>.Delay5(default, LoadCases.LongDelayMs),
                _ => throw new ArgumentOutOfRangeException(nameof(cases), @case, null),
            });
        }
    }
}
