namespace Charts;

/// <summary>ns/op against the number of no-op middlewares (0/1/5/11) per implementation, from the two LayerCount
/// BenchmarkDotNet classes.</summary>
public static class LayerChart
{
    public static readonly int[] LayerCounts = [0, 1, 5, 11];

    /// <summary>(implementation id, BenchmarkDotNet type, method): the series, in legend order.</summary>
    public static readonly (string Impl, string Type, string Method)[] Series =
    [
        ("hand-written", "LayerCountBenchmarks", "HandWritten"),
        ("ours-generated", "LayerCountBenchmarks", "Generated"),
        ("martinothamar-3.0.2", "MartinothamarLayerCountBenchmarks", "Mediator3"),
        ("mediatr-5.1.0", "LayerCountBenchmarks", "MediatR"),
    ];

    public static void Write(IReadOnlyList<BdnRow> rows, string path)
    {
        var series = Series
            .Select(s => (s.Impl, Points: LayerCounts
                .Select(n => (Layers: n, Row: rows.FirstOrDefault(r => r.Type == s.Type && r.Method == s.Method && r.Param("Layers") == n)))
                .Where(p => p.Row is not null)
                .ToArray()))
            .Where(s => s.Points.Length > 0)
            .ToArray();
        if (series.Length == 0)
        {
            return;
        }

        var svg = new Svg(720, 440);
        const int left = 70, right = 200, top = 50, bottom = 60;
        var plotWidth = svg.Width - left - right;
        var plotHeight = svg.Height - top - bottom;
        var max = series.SelectMany(s => s.Points).Max(p => p.Row!.MeanNs + p.Row.StdDevNs);
        var step = NiceStep(max / 5);
        var yMax = Math.Ceiling(max / step) * step;
        double X(int layers) => left + layers / 11.0 * plotWidth;
        double Y(double ns) => top + plotHeight - ns / yMax * plotHeight;

        svg.Text(svg.Width / 2.0, 24, "Send: ns/op against the number of no-op middlewares (mean, whisker ± StdDev)", "middle", 14, bold: true);
        for (var tick = 0.0; tick <= yMax + step / 2; tick += step)
        {
            svg.Line(left, Y(tick), left + plotWidth, Y(tick), "#e5e5e5");
            svg.Text(left - 6, Y(tick) + 4, Svg.N(tick), "end", 11, "#555");
        }

        foreach (var n in LayerCounts)
        {
            svg.Line(X(n), top + plotHeight, X(n), top + plotHeight + 4, "#555");
            svg.Text(X(n), top + plotHeight + 18, n.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", 11, "#555");
        }

        svg.Text(left + plotWidth / 2.0, svg.Height - 18, "middlewares (pipeline behaviors) around the handler", "middle", 12);
        svg.Text(16, top + plotHeight / 2.0, "ns/op", "middle", 12);
        var legendY = top + 10.0;
        foreach (var (impl, points) in series)
        {
            var colour = Svg.Colours[impl];
            svg.Polyline(points.Select(p => (X(p.Layers), Y(p.Row!.MeanNs))), colour);
            foreach (var (layers, row) in points)
            {
                svg.Line(X(layers), Y(row!.MeanNs - row.StdDevNs), X(layers), Y(row.MeanNs + row.StdDevNs), colour, 1);
                svg.Circle(X(layers), Y(row.MeanNs), 3.5, colour, $"{Labels.Implementation(impl)}, {layers} layers: {row.MeanNs:F1} ns");
            }

            svg.Line(left + plotWidth + 16, legendY, left + plotWidth + 36, legendY, colour, 3);
            svg.Text(left + plotWidth + 42, legendY + 4, Labels.Implementation(impl), size: 11);
            legendY += 20;
        }

        svg.Save(path);
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1e-9))));
        var normalized = raw / magnitude;
        return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
    }
}
