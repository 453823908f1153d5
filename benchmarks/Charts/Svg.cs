using System.Globalization;
using System.Net;
using System.Text;

namespace Charts;

/// <summary>The few SVG elements the charts draw; numbers written with the invariant culture.</summary>
public sealed class Svg(int width, int height)
{
    /// <summary>One colour per implementation, the same in every chart.</summary>
    public static readonly IReadOnlyDictionary<string, string> Colours = new Dictionary<string, string>
    {
        ["hand-written"] = "#4d4d4d",
        ["ours-generated"] = "#1f77b4",
        ["ours-delegate-chain"] = "#9467bd",
        ["martinothamar-3.0.2"] = "#ff7f0e",
        ["mediatr-5.1.0"] = "#d62728",
    };

    private readonly StringBuilder _body = new();

    public int Width => width;

    public int Height => height;

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dash = null)
        => _body.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} />\n");

    public void Rect(double x, double y, double w, double h, string fill, string? title = null)
        => _body.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\">{(title is null ? "" : $"<title>{WebUtility.HtmlEncode(title)}</title>")}</rect>\n");

    public void Circle(double x, double y, double r, string fill, string? title = null)
        => _body.Append($"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{fill}\">{(title is null ? "" : $"<title>{WebUtility.HtmlEncode(title)}</title>")}</circle>\n");

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth = 2)
        => _body.Append($"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" />\n");

    public void Text(double x, double y, string text, string anchor = "start", int size = 12, string fill = "#222", bool bold = false)
        => _body.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{(bold ? " font-weight=\"bold\"" : "")}>{WebUtility.HtmlEncode(text)}</text>\n");

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\" />\n{_body}</svg>\n";
        File.WriteAllText(path, svg);
        Console.WriteLine($"Wrote {path}");
    }
}
