using HttpLoad;

namespace Charts;

/// <summary>The HTTP runner's reports (benchmarks/results/http/table.json and decision.json), either may be missing.</summary>
public sealed record HttpData(HttpReport? Table, HttpReport? Decision)
{
    public static HttpData Read(string results)
    {
        HttpReport? Load(string name)
        {
            var path = Path.Combine(results, "http", name);
            return File.Exists(path) ? HttpReportJsonContext.Read(path) : null;
        }

        return new HttpData(Load("table.json"), Load("decision.json"));
    }

    /// <summary>
    /// The cheapest request's server CPU (the direct baseline, µs): from the decision rounds when they ran (more and
    /// longer runs), else from the table; null when neither did.
    /// </summary>
    public (double Microseconds, string Source)? CheapestRequestCpu()
    {
        foreach (var (report, name) in new[] { (Decision, "decision.json"), (Table, "table.json") })
        {
            if (report is not null && HttpSummary.Cell(report, HttpImplementations.Direct, LoadHarness.LoadCases.Baseline) is { } cell)
            {
                return (cell.CpuMicrosecondsPerRequest.Mean, $"{name}, {cell.CpuMicrosecondsPerRequest.N} runs, {report.StartedUtc:yyyy-MM-dd HH:mm} UTC");
            }
        }

        return null;
    }
}
