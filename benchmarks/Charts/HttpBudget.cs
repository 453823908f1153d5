using System.Globalization;
using System.Text;

namespace Charts;

/// <summary>
/// Issue 21's budget: five compiled no-op layers (BenchmarkDotNet's LayerBudgetBenchmarks, 5 layers minus 0, typed
/// and through ISender) against 2 % of the cheapest HTTP request's server CPU, and 0 B.
/// </summary>
public static class HttpBudget
{
    public const double Share = 0.02;

    public static string Table(IReadOnlyList<BdnRow> rows, HttpData http)
    {
        var budget = rows.Where(r => r.Type == "LayerBudgetBenchmarks").ToDictionary(r => r.Method);
        if (budget.Count == 0)
        {
            return "_No LayerBudgetBenchmarks results under benchmarks/results/bdn yet: run benchmarks/http/run.sh._\n";
        }

        var cheapest = http.CheapestRequestCpu();
        var limitNs = cheapest is { } c ? c.Microseconds * 1000 * Share : double.NaN;
        var text = new StringBuilder();
        text.AppendLine("| Path | 0 layers | 5 layers | 5 minus 0 | B/op at 5 | budget (2 % of the cheapest request's CPU) | verdict |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (name, zero, five) in new[] { ("typed Send (concrete generated class)", "Typed0", "Typed5"), ("ISender.Send", "Sender0", "Sender5") })
        {
            if (!budget.TryGetValue(zero, out var z) || !budget.TryGetValue(five, out var f))
            {
                continue;
            }

            var added = f.MeanNs - z.MeanNs;
            var bytes = f.AllocatedBytes ?? double.NaN;
            var verdict = double.IsNaN(limitNs) ? "no HTTP figure yet" : added <= limitNs && bytes == 0 ? "within budget" : "OVER budget";
            text.AppendLine($"| {name} | {F(z.MeanNs, "0.0")} ± {F(z.StdDevNs, "0.0")} ns | {F(f.MeanNs, "0.0")} ± {F(f.StdDevNs, "0.0")} ns | {F(added, "0.0")} ns | {F(bytes, "0")} | {F(limitNs, "0")} ns | {verdict} |");
        }

        text.AppendLine();
        text.AppendLine(cheapest is { } source
            ? $"The cheapest request (the direct endpoint, no middleware) cost the server {F(source.Microseconds, "0.00")} µs of CPU ({source.Source}); 2 % of it is the budget. BenchmarkDotNet means ± sd, one run of LayerBudgetBenchmarks."
            : "No HTTP run under benchmarks/results/http yet: the budget needs the cheapest request's CPU.");
        return text.ToString();
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);
}
