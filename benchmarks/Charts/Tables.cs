using System.Globalization;
using System.Text;
using LoadHarness;

namespace Charts;

/// <summary>The markdown fragments spliced into docs/benchmarks.md; every number comes from a results file.</summary>
public static class Tables
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string F(double value, string format) => value.ToString(format, Invariant);

    /// <summary>The seed table: mean ± sample StdDev of requests per second, and the share of the implementation's own baseline.</summary>
    public static string LoadTable(LoadData data)
    {
        var columns = LoadData.Columns.Where(i => LoadCases.All.Any(c => data.Get(i, c) is not null)).ToArray();
        var text = new StringBuilder();
        text.AppendLine($"| Case | {string.Join(" | ", columns.Select(Labels.Implementation))} |");
        text.AppendLine($"|---|{string.Concat(columns.Select(_ => "---:|"))}");
        foreach (var @case in LoadCases.All)
        {
            text.Append($"| {Labels.Case(@case)} |");
            foreach (var impl in columns)
            {
                var result = data.Get(impl, @case);
                var baseline = data.Get(impl, LoadCases.Baseline);
                var shortRun = result is not null && result.Runs.Min(r => r.Seconds) < (data.Reports.FirstOrDefault()?.Settings.MinRunSeconds ?? 1.0) ? " †" : "";
                text.Append(result is null
                    ? " — |"
                    : $" {F(result.MeanRps, "N0")} ± {F(result.StdDevRps, "N0")}{shortRun}{(@case != LoadCases.Baseline && baseline is not null ? $" ({F(result.MeanRps / baseline.MeanRps * 100, "0")} %)" : "")} |");
            }

            text.AppendLine();
        }

        var first = data.Reports.FirstOrDefault();
        if (first is not null)
        {
            text.AppendLine();
            text.AppendLine($"Requests per second, mean ± sample standard deviation of {first.Settings.Runs} runs at concurrency {first.Settings.Concurrency}; in brackets, the share of the same implementation's baseline. "
                + $"Runs: {string.Join("; ", data.Reports.Select(r => $"`load-{r.Harness}.json` {r.StartedUtc:yyyy-MM-dd HH:mm} UTC, {r.Machine.ProcessorCount} cores, {r.Machine.Runtime}"))}. "
                + "The hand-written column comes from the `ours` executable; min, max and every run's numbers are in the JSON files. "
                + "† marks a case where at least one measured run lasted less than the intended minimum of "
                + $"{F(first.Settings.MinRunSeconds, "0.#")} s (the rate rose after the warm-up sized N).");
        }

        return text.ToString();
    }

    /// <summary>What five stacked no-ops cost each implementation against its own baseline, beside what five
    /// hand-written nested async calls cost (the issue's figure: ours ≤ 1.1 × hand-written).</summary>
    public static string LoadFigures(LoadData data)
    {
        var text = new StringBuilder();
        text.AppendLine("| Implementation | baseline req/s | 5 no-op req/s | throughput lost | added time per request | lost / hand-written's lost (same process) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var impl in LoadData.Columns.Append(Implementations.HandWritten + "@martinothamar"))
        {
            var isAnchor = impl.EndsWith("@martinothamar", StringComparison.Ordinal);
            var id = isAnchor ? Implementations.HandWritten : impl;
            var harness = isAnchor ? "martinothamar" : LoadData.HarnessOf(impl);
            var baseline = data.InHarness(harness, id, LoadCases.Baseline);
            var noOp5 = data.InHarness(harness, id, LoadCases.NoOp5);
            var handBaseline = data.InHarness(harness, Implementations.HandWritten, LoadCases.Baseline);
            var handNoOp5 = data.InHarness(harness, Implementations.HandWritten, LoadCases.NoOp5);
            if (baseline is null || noOp5 is null)
            {
                continue;
            }

            var lost = baseline.MeanRps - noOp5.MeanRps;
            var addedNs = 1e9 / noOp5.MeanRps - 1e9 / baseline.MeanRps;
            var handLost = handBaseline is null || handNoOp5 is null ? double.NaN : handBaseline.MeanRps - handNoOp5.MeanRps;
            var label = isAnchor ? "hand-written (martinothamar executable)" : Labels.Implementation(impl);
            var ratio = id == Implementations.HandWritten || double.IsNaN(handLost) ? "—" : F(lost / handLost, "0.00");
            text.AppendLine($"| {label} | {F(baseline.MeanRps, "N0")} | {F(noOp5.MeanRps, "N0")} | {F(lost, "N0")} ({F(lost / baseline.MeanRps * 100, "0.0")} %) | {F(addedNs, "0")} ns | {ratio} |");
        }

        text.AppendLine();
        text.AppendLine("\"Added time per request\" is 1/RPS(5 no-op) − 1/RPS(baseline): the extra wall time each request costs the whole process. "
            + "A negative number means the 5-layer runs were faster than the baseline runs: noise larger than the effect.");
        return text.ToString();
    }

    /// <summary>ns/op at 0/1/5/11 layers per implementation, with the ratio to the hand-written chain of the same run.</summary>
    public static string LayerTable(IReadOnlyList<BdnRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"| Implementation | {string.Join(" | ", LayerChart.LayerCounts.Select(n => n == 1 ? "1 layer" : $"{n} layers"))} | B/op at 11 |");
        text.AppendLine($"|---|{string.Concat(LayerChart.LayerCounts.Select(_ => "---:|"))}---:|");
        var any = false;
        foreach (var (impl, type, method) in LayerChart.Series.Append(("hand-written", "MartinothamarLayerCountBenchmarks", "HandWritten")))
        {
            var label = type == "MartinothamarLayerCountBenchmarks" && method == "HandWritten" ? "hand-written (martinothamar run)" : Labels.Implementation(impl);
            var cells = LayerChart.LayerCounts.Select(n =>
            {
                var row = rows.FirstOrDefault(r => r.Type == type && r.Method == method && r.Param("Layers") == n);
                var hand = rows.FirstOrDefault(r => r.Type == type && r.Method == "HandWritten" && r.Param("Layers") == n);
                return row is null ? "—" : $"{F(row.MeanNs, "0.0")} ns{(hand is null || method == "HandWritten" ? "" : $" ({F(row.MeanNs / hand.MeanNs, "0.00")}×)")}";
            }).ToArray();
            if (cells.All(c => c == "—"))
            {
                continue;
            }

            any = true;
            var at11 = rows.FirstOrDefault(r => r.Type == type && r.Method == method && r.Param("Layers") == 11);
            text.AppendLine($"| {label} | {string.Join(" | ", cells)} | {(at11?.AllocatedBytes is { } b ? F(b, "0") : "—")} |");
        }

        if (!any)
        {
            return "_No LayerCount results under benchmarks/results/bdn yet: run benchmarks/run-all.sh._\n";
        }

        text.AppendLine();
        text.AppendLine("Mean ns/op; in brackets, the ratio to the hand-written chain (the same linked source file) of the same run and layer count.");
        return text.ToString();
    }

    /// <summary>Rows of one or more BenchmarkDotNet classes, each against the HandWritten row of its own class.</summary>
    public static string RatioTable(IReadOnlyList<BdnRow> rows, string[] types, string unit, string baseline = "HandWritten")
    {
        var selected = rows.Where(r => types.Contains(r.Type)).ToArray();
        if (selected.Length == 0)
        {
            return $"_No {string.Join("/", types)} results under benchmarks/results/bdn yet: run benchmarks/run-all.sh._\n";
        }

        var divisor = unit == "µs" ? 1000.0 : 1.0;
        var coldStart = selected.Any(r => r.FirstIterationMeanNs is not null && r.Type.Contains("ColdStart", StringComparison.Ordinal));
        var text = new StringBuilder();
        text.AppendLine(coldStart
            ? $"| Class | Method | Mean | Median | first iteration (mean over launches) | vs own {baseline} (mean) | B/op |"
            : $"| Class | Method | Mean | StdDev | vs own {baseline} | B/op |");
        text.AppendLine(coldStart ? "|---|---|---:|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|");
        foreach (var row in selected)
        {
            var hand = selected.FirstOrDefault(r => r.Type == row.Type && r.Method == baseline && r.Parameters == row.Parameters);
            var ratio = hand is null ? "—" : F(row.MeanNs / hand.MeanNs, "0.00");
            var allocated = row.AllocatedBytes is { } b ? F(b, "0") : "—";
            text.AppendLine(coldStart
                ? $"| {row.Type} | {row.Method} | {F(row.MeanNs / divisor, "N1")} {unit} | {F(row.MedianNs / divisor, "N1")} {unit} | {(row.FirstIterationMeanNs is { } first ? $"{F(first / divisor, "N1")} {unit}" : "—")} | {ratio} | {allocated} |"
                : $"| {row.Type} | {row.Method} | {F(row.MeanNs / divisor, "N1")} {unit} | {F(row.StdDevNs / divisor, "N1")} {unit} | {ratio} | {allocated} |");
        }

        return text.ToString();
    }
}
