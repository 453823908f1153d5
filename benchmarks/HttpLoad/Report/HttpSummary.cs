using LoadHarness;

namespace HttpLoad;

/// <summary>One cell of the seed's table over HTTP: every run of one implementation and case.</summary>
public sealed record HttpCell(
    string Implementation,
    string Case,
    MeanInterval Rps,
    double P50Ms,
    double P99Ms,
    MeanInterval CpuMicrosecondsPerRequest,
    long Errors);

/// <summary>Per-round ratios of one variant to the same round's baseline (the decision rounds).</summary>
public sealed record HttpRatio(string Implementation, string Case, MeanInterval Rps, MeanInterval Cpu);

/// <summary>Summaries the runner prints and the charts draw, from the runs of one report.</summary>
public static class HttpSummary
{
    /// <summary>The table's columns, left to right, and the server each lives in.</summary>
    public static readonly string[] TableColumns =
    [
        HttpImplementations.Direct, HttpImplementations.AspNetUse, HttpImplementations.OursSender,
        HttpImplementations.OursDelegateChain, HttpImplementations.Martinothamar, HttpImplementations.MediatR,
    ];

    public static HttpCell? Cell(HttpReport report, string implementation, string @case)
    {
        var runs = report.Runs.Where(r => r.Implementation == implementation && r.Case == @case).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }

        return new HttpCell(
            implementation,
            @case,
            MeanInterval.Of(runs.Select(r => r.RequestsPerSecond).ToArray()),
            Median(runs.Select(r => r.P50Ms)),
            Median(runs.Select(r => r.P99Ms)),
            MeanInterval.Of(runs.Select(r => r.ServerCpuMicrosecondsPerRequest).ToArray()),
            runs.Sum(r => r.Errors));
    }

    /// <summary>
    /// For each round that ran both, the variant's value over the baseline's value of that round (requests per second
    /// and server CPU per request), then the mean and Student's 95 % interval over the rounds.
    /// </summary>
    public static HttpRatio Ratio(HttpReport report, string implementation, string @case, string baselineImplementation = HttpImplementations.Direct)
    {
        var rps = new List<double>();
        var cpu = new List<double>();
        foreach (var round in report.Runs.GroupBy(r => r.Round))
        {
            var baseline = round.FirstOrDefault(r => r.Implementation == baselineImplementation && r.Case == LoadCases.Baseline);
            var variant = round.FirstOrDefault(r => r.Implementation == implementation && r.Case == @case);
            if (baseline is null || variant is null)
            {
                continue;
            }

            rps.Add(variant.RequestsPerSecond / baseline.RequestsPerSecond);
            cpu.Add(variant.ServerCpuMicrosecondsPerRequest / baseline.ServerCpuMicrosecondsPerRequest);
        }

        return new HttpRatio(implementation, @case, MeanInterval.Of(rps), MeanInterval.Of(cpu));
    }

    /// <summary>Per round, (a's CPU ratio − b's CPU ratio) and (b's rps ratio − a's rps ratio): how much worse a is than b.</summary>
    public static (MeanInterval Cpu, MeanInterval Rps) WorseThan(HttpReport report, (string Implementation, string Case) a, (string Implementation, string Case) b)
    {
        var cpu = new List<double>();
        var rps = new List<double>();
        foreach (var round in report.Runs.GroupBy(r => r.Round))
        {
            var baseline = round.FirstOrDefault(r => r.Implementation == HttpImplementations.Direct && r.Case == LoadCases.Baseline);
            var ra = round.FirstOrDefault(r => r.Implementation == a.Implementation && r.Case == a.Case);
            var rb = round.FirstOrDefault(r => r.Implementation == b.Implementation && r.Case == b.Case);
            if (baseline is null || ra is null || rb is null)
            {
                continue;
            }

            cpu.Add((ra.ServerCpuMicrosecondsPerRequest - rb.ServerCpuMicrosecondsPerRequest) / baseline.ServerCpuMicrosecondsPerRequest);
            rps.Add((rb.RequestsPerSecond - ra.RequestsPerSecond) / baseline.RequestsPerSecond);
        }

        return (MeanInterval.Of(cpu), MeanInterval.Of(rps));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
