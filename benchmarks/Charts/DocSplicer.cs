namespace Charts;

/// <summary>Replaces the text between <c>&lt;!-- name:begin --&gt;</c> and <c>&lt;!-- name:end --&gt;</c> in a markdown file.</summary>
public static class DocSplicer
{
    public static string Splice(string document, string name, string fragment)
    {
        var begin = $"<!-- {name}:begin -->";
        var end = $"<!-- {name}:end -->";
        var start = document.IndexOf(begin, StringComparison.Ordinal);
        var stop = document.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            Console.Error.WriteLine($"docs: markers {begin} ... {end} not found; '{name}' not spliced");
            return document;
        }

        var from = start + begin.Length;
        return document[..from] + "\n" + fragment.TrimEnd() + "\n" + document[stop..];
    }
}
