namespace LoadHarness;

/// <summary>The part of Main both harness executables share: arguments, the run over every target, the report.</summary>
public static class HarnessMain
{
    /// <summary>Arguments: <c>--out &lt;path&gt;</c> (default benchmarks/results/load-&lt;harness&gt;.json under the
    /// current directory), <c>--filter &lt;text&gt;</c> (only targets whose "implementation/case" contains it).</summary>
    public static int Run(string harness, string[] args, IEnumerable<LoadTarget> targets)
    {
#if DEBUG
        Console.Error.WriteLine("The load harness measures Release builds only: dotnet run -c Release --project ...");
        return 1;
#else
        var output = ArgumentAfter(args, "--out") ?? Path.Combine("benchmarks", "results", $"load-{harness}.json");
        var filter = ArgumentAfter(args, "--filter");
        var settings = new LoadSettings();
        var runner = new LoadRunner(settings);
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine($"{harness}: concurrency {settings.Concurrency}, {settings.Runs} runs of at least {settings.MinRunSeconds} s per case after a warm-up");
        var results = new List<CaseResult>();
        try
        {
            foreach (var target in targets)
            {
                if (filter is null || $"{target.Implementation}/{target.Case}".Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    results.Add(runner.Run(target));
                }
            }
        }
        finally
        {
            BlockingWork.Delete();
        }

        new LoadReport(harness, started, DateTimeOffset.UtcNow, MachineInfo.Current(), settings, results).Write(output);
        return 0;
#endif
    }

    private static string? ArgumentAfter(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
