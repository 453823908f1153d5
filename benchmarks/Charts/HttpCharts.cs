using System.Globalization;
using HttpLoad;
using LoadHarness;

namespace Charts;

/// <summary>The HTTP table's bars (requests per second per case and implementation, log scale, whisker min–max) and
/// the decision rounds' intervals (ratio to the same round's baseline, 95 % CI, the ±5 % band).</summary>
public static class HttpCharts
{
    private static readonly Dictionary<string, string> Colours = new()
    {
        [HttpImplementations.Direct] = "#4d4d4d",
        [HttpImplementations.AspNetUse] = "#2ca02c",
        [HttpImplementations.OursSender] = "#1f77b4",
        [HttpImplementations.OursDelegateChain] = "#9467bd",
        [HttpImplementations.Martinothamar] = "#ff7f0e",
        [HttpImplementations.MediatR] = "#d62728",
    };

    public static void WriteTable(HttpReport report, string path)
    {
        var columns = HttpSummary.TableColumns.Where(c => report.Runs.Any(r => r.Implementation == c)).ToArray();
        var groups = LoadCases.All
            .Select(c => (Case: c, Bars: columns.Select(i => (Impl: i, Runs: report.Runs.Where(r => r.Implementation == i && r.Case == c).Select(r => r.RequestsPerSecond).ToArray())).Where(b => b.Runs.Length > 0).ToArray()))
            .Where(g => g.Bars.Length > 0)
            .ToArray();
        if (groups.Length == 0)
        {
            return;
        }

        const int left = 300, right = 40, top = 50, barHeight = 12, groupGap = 18, legendHeight = 30;
        var height = top + groups.Sum(g => g.Bars.Length) * barHeight + groups.Length * groupGap + legendHeight + 40;
        var svg = new Svg(1100, height);
        var plotWidth = svg.Width - left - right;
        var all = groups.SelectMany(g => g.Bars).SelectMany(b => b.Runs).ToArray();
        var minDecade = Math.Floor(Math.Log10(all.Min()));
        var maxDecade = Math.Ceiling(Math.Log10(all.Max()));
        double X(double rps) => left + (Math.Log10(Math.Max(rps, Math.Pow(10, minDecade))) - minDecade) / (maxDecade - minDecade) * plotWidth;

        svg.Text(svg.Width / 2.0, 22, $"The seed's table over HTTP (Kestrel, wrk -c{report.Connections}): requests per second (log scale; mean of {report.Rounds} rounds, whisker min-max)", "middle", 14, bold: true);
        var plotBottom = height - legendHeight - 30;
        for (var decade = minDecade; decade <= maxDecade; decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.Line(x, top - 6, x, plotBottom, "#ddd");
            svg.Text(x, plotBottom + 16, Math.Pow(10, decade).ToString("N0", CultureInfo.InvariantCulture), "middle", 11, "#555");
        }

        var y = (double)top;
        foreach (var (@case, bars) in groups)
        {
            svg.Text(left - 8, y + bars.Length * barHeight / 2.0 + 4, HttpLabels.Case(@case), "end", 12);
            foreach (var (impl, runs) in bars)
            {
                svg.Rect(left, y + 1, X(runs.Average()) - left, barHeight - 2, Colours[impl], $"{HttpLabels.Implementation(impl)}: {runs.Average():N0} req/s (min {runs.Min():N0}, max {runs.Max():N0})");
                svg.Line(X(runs.Min()), y + barHeight / 2.0, X(runs.Max()), y + barHeight / 2.0, "#000", 1);
                y += barHeight;
            }

            y += groupGap;
        }

        var legendX = 20.0;
        foreach (var impl in columns)
        {
            var label = HttpLabels.Implementation(impl);
            svg.Rect(legendX, height - legendHeight, 12, 12, Colours[impl]);
            svg.Text(legendX + 16, height - legendHeight + 11, label, size: 11);
            legendX += 16 + label.Length * 5.6 + 14;
        }

        svg.Save(path);
    }

    public static void WriteDecision(HttpReport report, string path)
    {
        var ratios = HttpTables.DecisionVariants.Select(v => HttpSummary.Ratio(report, v.Implementation, v.Case)).Where(r => r.Rps.N > 1).ToArray();
        if (ratios.Length == 0)
        {
            return;
        }

        const int left = 330, right = 30, top = 60, rowHeight = 34, bottomSpace = 60;
        var height = top + ratios.Length * rowHeight + bottomSpace;
        var svg = new Svg(1000, height);
        var bounds = ratios.SelectMany(r => new[] { r.Rps.Low, r.Rps.High, r.Cpu.Low, r.Cpu.High }).Where(double.IsFinite).ToArray();
        var lo = Math.Min(0.9, Math.Floor(bounds.Min() * 20) / 20);
        var hi = Math.Max(1.1, Math.Ceiling(bounds.Max() * 20) / 20);
        double X(double ratio) => left + (Math.Clamp(ratio, lo, hi) - lo) / (hi - lo) * (svg.Width - left - right);

        svg.Text(svg.Width / 2.0, 22, $"Decision rounds: ratio to the same round's direct baseline, mean and 95 % CI over {report.Rounds} rounds", "middle", 14, bold: true);
        svg.Text(svg.Width / 2.0, 40, "blue: server CPU per request; grey: requests per second; shaded: ±5 %", "middle", 11, "#555");
        var plotBottom = top + ratios.Length * rowHeight;
        svg.Rect(X(0.95), top - 8, X(1.05) - X(0.95), plotBottom - top + 8, "#eef6ee");
        for (var tick = Math.Ceiling(lo * 20) / 20; tick <= hi + 1e-9; tick += 0.05)
        {
            svg.Line(X(tick), top - 8, X(tick), plotBottom, Math.Abs(tick - 1) < 1e-9 ? "#888" : "#e4e4e4");
            svg.Text(X(tick), plotBottom + 16, (tick * 100).ToString("0", CultureInfo.InvariantCulture) + " %", "middle", 11, "#555");
        }

        var y = (double)top;
        foreach (var ratio in ratios)
        {
            var label = HttpLabels.Implementation(ratio.Implementation) + (ratio.Case == LoadCases.Baseline ? "" : ", 5 no-op");
            svg.Text(left - 8, y + 14, label, "end", 12);
            Interval(svg, X, ratio.Cpu, y + 8, "#1f77b4", $"CPU/request {ratio.Cpu.Mean:P1} [{ratio.Cpu.Low:P1}, {ratio.Cpu.High:P1}]");
            Interval(svg, X, ratio.Rps, y + 20, "#777", $"req/s {ratio.Rps.Mean:P1} [{ratio.Rps.Low:P1}, {ratio.Rps.High:P1}]");
            y += rowHeight;
        }

        svg.Save(path);
    }

    private static void Interval(Svg svg, Func<double, double> x, MeanInterval interval, double y, string colour, string title)
    {
        svg.Line(x(interval.Low), y, x(interval.High), y, colour, 3);
        svg.Circle(x(interval.Mean), y, 4, colour, title);
    }
}
