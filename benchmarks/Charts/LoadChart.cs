using LoadHarness;

namespace Charts;

/// <summary>The seed-table bars: requests per second per case (groups) per implementation (bars), log scale, with
/// the min-max of the five runs as a whisker.</summary>
public static class LoadChart
{
    public static void Write(LoadData data, string path)
    {
        var cells = LoadCases.All
            .Select(c => (Case: c, Bars: LoadData.Columns.Select(i => (Impl: i, Result: data.Get(i, c))).Where(b => b.Result is not null).ToArray()))
            .Where(g => g.Bars.Length > 0)
            .ToArray();
        if (cells.Length == 0)
        {
            return;
        }

        const int left = 300, right = 40, top = 50, barHeight = 12, groupGap = 18, legendHeight = 30;
        var barCount = cells.Sum(g => g.Bars.Length);
        var height = top + barCount * barHeight + cells.Length * groupGap + legendHeight + 40;
        var svg = new Svg(1100, height);
        var plotWidth = svg.Width - left - right;
        var max = cells.SelectMany(g => g.Bars).Max(b => b.Result!.MaxRps);
        var minDecade = Math.Floor(Math.Log10(cells.SelectMany(g => g.Bars).Min(b => b.Result!.MinRps)));
        var maxDecade = Math.Ceiling(Math.Log10(max));
        double X(double rps) => left + (Math.Log10(Math.Max(rps, Math.Pow(10, minDecade))) - minDecade) / (maxDecade - minDecade) * plotWidth;

        svg.Text(svg.Width / 2.0, 22, "The seed's table in process: requests per second at concurrency 100 (log scale; mean of 5 runs, whisker min-max)", "middle", 14, bold: true);
        var plotBottom = height - legendHeight - 30;
        for (var decade = minDecade; decade <= maxDecade; decade++)
        {
            var x = X(Math.Pow(10, decade));
            svg.Line(x, top - 6, x, plotBottom, "#ddd");
            svg.Text(x, plotBottom + 16, Math.Pow(10, decade).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "middle", 11, "#555");
        }

        var y = (double)top;
        foreach (var (@case, bars) in cells)
        {
            svg.Text(left - 8, y + bars.Length * barHeight / 2.0 + 4, Labels.Case(@case), "end", 12);
            foreach (var (impl, result) in bars)
            {
                var colour = Svg.Colours[impl];
                svg.Rect(left, y + 1, X(result!.MeanRps) - left, barHeight - 2, colour, $"{Labels.Implementation(impl)}: {result.MeanRps:N0} req/s (min {result.MinRps:N0}, max {result.MaxRps:N0})");
                svg.Line(X(result.MinRps), y + barHeight / 2.0, X(result.MaxRps), y + barHeight / 2.0, "#000", 1);
                y += barHeight;
            }

            y += groupGap;
        }

        var legendX = 20.0;
        foreach (var impl in LoadData.Columns)
        {
            svg.Rect(legendX, height - legendHeight, 12, 12, Svg.Colours[impl]);
            svg.Text(legendX + 16, height - legendHeight + 11, Labels.Implementation(impl), size: 11);
            legendX += 16 + Labels.Implementation(impl).Length * 6.0 + 16;
        }

        svg.Save(path);
    }
}
