using System.Globalization;
using System.Text;
using LoadHarness;

namespace HttpLoad;

/// <summary>The markdown the runner prints and benchmarks/Charts splices into docs/benchmarks.md.</summary>
public static class HttpTables
{
    /// <summary>The decision rounds' variants besides the baseline, with what each stands for.</summary>
    public static readonly (string Implementation, string Case)[] DecisionVariants =
    [
        (HttpImplementations.DirectCopy, LoadCases.Baseline),
        (HttpImplementations.OursSender, LoadCases.NoOp5),
        (HttpImplementations.OursTyped, LoadCases.NoOp5),
        (HttpImplementations.AspNetUse, LoadCases.NoOp5),
        (HttpImplementations.MediatR, LoadCases.NoOp5),
        (HttpImplementations.ProblemDetailsIdle, LoadCases.Baseline),
    ];

    /// <summary>The A/A gate and the pass line: ±5 % of the same round's baseline.</summary>
    public const double Tolerance = 0.05;

    public static string SeedTable(HttpReport report)
    {
        var columns = HttpSummary.TableColumns.Where(c => report.Runs.Any(r => r.Implementation == c)).ToArray();
        var text = new StringBuilder();
        text.AppendLine("| Case | " + string.Join(" | ", columns.Select(HttpLabels.Implementation)) + " |");
        text.AppendLine("|---|" + string.Concat(columns.Select(_ => "---:|")));
        foreach (var @case in LoadCases.All)
        {
            text.Append("| ").Append(HttpLabels.Case(@case)).Append(" |");
            foreach (var implementation in columns)
            {
                var cell = HttpSummary.Cell(report, implementation, @case);
                var own = HttpSummary.Cell(report, implementation, LoadCases.Baseline);
                text.Append(' ').Append(cell is null ? "—" : $"{F(cell.Rps.Mean, "N0")} ± {F(cell.Rps.Sd, "N0")}");
                if (cell is not null && own is not null && @case != LoadCases.Baseline)
                {
                    text.Append($" ({F(cell.Rps.Mean / own.Rps.Mean * 100, "0")} %)");
                }

                text.Append(" |");
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine(Caption(report, "Requests per second, mean ± sample standard deviation over the rounds; in brackets, the share of the same implementation's baseline (no middleware)."));
        return text.ToString();
    }

    public static string DetailTable(HttpReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("| Implementation | Case | p50 | p99 | server CPU per request | CPU vs own baseline | errors |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        var implementations = HttpSummary.TableColumns
            .Concat([HttpImplementations.DirectCopy, HttpImplementations.DirectInMartinothamarServer, HttpImplementations.OursTyped, HttpImplementations.ProblemDetailsIdle])
            .Where(i => report.Runs.Any(r => r.Implementation == i));
        foreach (var implementation in implementations)
        {
            var own = HttpSummary.Cell(report, implementation, LoadCases.Baseline);
            foreach (var @case in LoadCases.All)
            {
                if (HttpSummary.Cell(report, implementation, @case) is not { } cell)
                {
                    continue;
                }

                var versus = own is null || @case == LoadCases.Baseline ? "—" : $"{F(cell.CpuMicrosecondsPerRequest.Mean / own.CpuMicrosecondsPerRequest.Mean * 100, "0")} %";
                text.AppendLine($"| {HttpLabels.Implementation(implementation)} | {HttpLabels.Case(@case)} | {F(cell.P50Ms, "0.00")} ms | {F(cell.P99Ms, "0.00")} ms | {F(cell.CpuMicrosecondsPerRequest.Mean, "0.0")} ± {F(cell.CpuMicrosecondsPerRequest.Sd, "0.0")} µs | {versus} | {cell.Errors} |");
            }
        }

        text.AppendLine();
        text.AppendLine(Caption(report, "p50 and p99: median over the rounds of wrk's latency percentiles. Server CPU per request: the server process's user + system CPU time during the run (/proc/<pid>/stat) over the requests wrk completed, mean ± sd over the rounds."));
        return text.ToString();
    }

    public static string Decision(HttpReport report)
    {
        var aa = HttpSummary.Ratio(report, HttpImplementations.DirectCopy, LoadCases.Baseline);
        var text = new StringBuilder();
        text.AppendLine("| Variant | rounds | req/s ratio, mean [95 % CI] | CPU/request ratio, mean [95 % CI] | verdict |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var (implementation, @case) in DecisionVariants)
        {
            var ratio = HttpSummary.Ratio(report, implementation, @case);
            if (ratio.Rps.N == 0)
            {
                continue; // a session run with --only: this row was not measured
            }

            var verdict = Verdict(implementation, ratio, aa);
            if (implementation != HttpImplementations.DirectCopy && !GatePasses(aa))
            {
                verdict += " (not decided: the session does not count)";
            }

            text.AppendLine($"| {HttpLabels.Implementation(implementation)}{(@case == LoadCases.Baseline ? "" : ", " + HttpLabels.Case(@case))} | {ratio.Rps.N} | {Interval(ratio.Rps)} | {Interval(ratio.Cpu)} | {verdict} |");
        }

        text.AppendLine();
        var gate = GatePasses(aa);
        text.AppendLine($"**A/A gate: {(gate ? "the session counts" : "the session does NOT count")}.** The A/A copy's req/s interval is {Interval(aa.Rps)} and its CPU interval {Interval(aa.Cpu)}; the gate asks both to hold 100 % and to lie within ±{Tolerance * 100:0} %.");
        text.AppendLine();
        foreach (var compiled in new[] { HttpImplementations.OursSender, HttpImplementations.OursTyped })
        {
            if (!report.Runs.Any(r => r.Implementation == compiled) || !report.Runs.Any(r => r.Implementation == HttpImplementations.AspNetUse))
            {
                continue;
            }

            var (cpu, rps) = HttpSummary.WorseThan(report, (compiled, LoadCases.NoOp5), (HttpImplementations.AspNetUse, LoadCases.NoOp5));
            text.AppendLine($"- {HttpLabels.Implementation(compiled)} minus app.Use (5 layers each), per round, in baseline units: CPU {Signed(cpu)}, lost req/s {Signed(rps)}; the A/A spread is ±{F(aa.Cpu.Spread() * 100, "0.0")} % (CPU) and ±{F(aa.Rps.Spread() * 100, "0.0")} % (req/s): {(cpu.Mean <= aa.Cpu.Spread() && rps.Mean <= aa.Rps.Spread() ? "no worse than app.Use beyond the A/A spread" : "WORSE than app.Use beyond the A/A spread")}{(gate ? "" : " (not decided: the session does not count)")}.");
        }

        text.AppendLine();
        text.AppendLine(Caption(report, "Each ratio is the variant's value over the same round's direct baseline; mean and Student's t 95 % interval over the rounds. Pass: the CPU ratio's upper bound ≤ 105 % and the req/s ratio's lower bound ≥ 95 %."));
        return text.ToString();
    }

    public static bool GatePasses(HttpRatio aa)
        => aa.Rps.N >= 2
            && aa.Rps.Low <= 1 && aa.Rps.High >= 1 && aa.Rps.Low >= 1 - Tolerance && aa.Rps.High <= 1 + Tolerance
            && aa.Cpu.Low <= 1 && aa.Cpu.High >= 1 && aa.Cpu.Low >= 1 - Tolerance && aa.Cpu.High <= 1 + Tolerance;

    private static string Verdict(string implementation, HttpRatio ratio, HttpRatio aa)
    {
        var passes = ratio.Cpu.High <= 1 + Tolerance && ratio.Rps.Low >= 1 - Tolerance;
        return implementation switch
        {
            HttpImplementations.DirectCopy => GatePasses(aa) ? "A/A gate holds" : "A/A gate fails",
            HttpImplementations.MediatR => ratio.Cpu.Low > 1 ? "positive control: a cost is seen (CPU interval above 100 %)" : "positive control: NO cost seen",
            HttpImplementations.AspNetUse => passes ? "within ±5 %" : "outside ±5 %",
            _ => passes ? "pass" : "fail",
        };
    }

    private static string Caption(HttpReport report, string what)
        => $"{what} {report.Rounds} interleaved round(s) of {F(report.SecondsPerRun, "0")} s per run, wrk -t{report.WrkThreads} -c{report.Connections} on 127.0.0.1{(report.Pinned ? " (servers pinned to CPU 1, wrk to CPU 0)" : string.Empty)}; {report.StartedUtc:yyyy-MM-dd HH:mm}–{report.FinishedUtc:HH:mm} UTC, commit {report.Commit}, load average {report.LoadAverageAtStart} at the start and {report.LoadAverageAtEnd} at the end; {report.Machine}.";

    private static string Interval(MeanInterval m) => $"{F(m.Mean * 100, "0.0")} % [{F(m.Low * 100, "0.0")}, {F(m.High * 100, "0.0")}]";

    private static string Signed(MeanInterval m) => $"{F(m.Mean * 100, "+0.0;-0.0")} % [{F(m.Low * 100, "+0.0;-0.0")}, {F(m.High * 100, "+0.0;-0.0")}]";

    private static string F(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);
}
