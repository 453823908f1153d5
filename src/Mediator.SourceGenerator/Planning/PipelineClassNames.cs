using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Keeps pipeline classes of different kinds apart. <see cref="PipelineNames"/> names each kind on its own, with its own
/// suffix, and the suffixes overlap: the request <c>PingStream</c> and the stream request <c>Ping</c> both give
/// <c>PingStreamPipeline</c>, two nested classes of one name (CS0102). A later kind's class whose name is taken gets
/// the first free number after it, as <see cref="PipelineNames"/> numbers clashes inside a kind.
/// </summary>
internal static class PipelineClassNames
{
    /// <summary>
    /// <paramref name="names"/> (message key to class name), with every name that is in <paramref name="taken"/>
    /// numbered anew; the result's names are added to <paramref name="taken"/>.
    /// </summary>
    public static Dictionary<string, string> Distinct(IReadOnlyDictionary<string, string> names, HashSet<string> taken)
    {
        var own = new HashSet<string>(names.Values, System.StringComparer.Ordinal);
        var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var pair in names.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            var name = pair.Value;
            for (var i = 2; taken.Contains(name); i++)
            {
                var numbered = pair.Value + i.ToString(CultureInfo.InvariantCulture);
                if (!own.Contains(numbered))
                {
                    name = numbered;
                }
            }

            taken.Add(name);
            result[pair.Key] = name;
        }

        return result;
    }
}
