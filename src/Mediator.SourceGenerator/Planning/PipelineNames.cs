using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Names the nested pipeline classes: the request's simple name when it is unique, otherwise its full name,
/// made into an identifier. Deterministic for a given set of requests.
/// </summary>
internal static class PipelineNames
{
    public static IReadOnlyDictionary<string, string> Assign(IReadOnlyList<string> requestTypes, string suffix = "Pipeline")
    {
        var simple = requestTypes.ToDictionary(t => t, t => Identifier(SimpleName(t)));
        var clashing = new HashSet<string>(simple.Values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key));
        var names = new Dictionary<string, string>();
        var used = new HashSet<string>();
        foreach (var type in requestTypes.OrderBy(t => t, System.StringComparer.Ordinal))
        {
            var name = (clashing.Contains(simple[type]) ? Identifier(type.Replace("global::", string.Empty)) : simple[type]) + suffix;
            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names[type] = unique;
        }

        return names;
    }

    /// <summary>The last dotted segment outside any type argument list.</summary>
    private static string SimpleName(string type)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < type.Length; i++)
        {
            switch (type[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case '.' when depth == 0:
                case ':' when depth == 0:
                    start = i + 1;
                    break;
            }
        }

        return type.Substring(start);
    }

    private static string Identifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        var result = builder.ToString().TrimEnd('_');
        return result.Length == 0 || char.IsDigit(result[0]) ? "_" + result : result;
    }
}
