using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// A chain of the resolved model as the ordering checks name it in messages: every request, stream and notification
/// pipeline, and the chain of each notification handler with middleware of its own.
/// </summary>
/// <param name="Name">As a user reads it: <c>'App.Ping'</c>, or <c>'App.Placed (App.Audit)'</c> for a handler's own chain.</param>
/// <param name="Chain">Its layers and rule outcomes (for a handler's own chain, only those involving its own layers).</param>
internal sealed record CheckedChain(string Name, ResolvedChain Chain)
{
    /// <summary>Every chain of the model, by name.</summary>
    public static List<CheckedChain> All(ResolvedPipelines resolved)
    {
        var chains = new List<CheckedChain>();
        foreach (var pipeline in resolved.Requests.Concat(resolved.Streams).Concat(resolved.Notifications))
        {
            var name = DiagnosticText.Readable(pipeline.Key);
            chains.Add(new CheckedChain(name, pipeline.Chain));
            foreach (var receiver in pipeline.Receivers.Where(r => r.Own.Layers.Count > 0))
            {
                chains.Add(new CheckedChain(name + " (" + DiagnosticText.Readable(receiver.Handler.HandlerType) + ")", receiver.Own));
            }
        }

        return chains.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>"the pipeline of 'A'", "the pipelines of 'A', 'B', 'C' and 2 more".</summary>
    public static string Where(List<string> names)
    {
        const int named = 3;
        var list = string.Join(", ", names.Take(named).Select(m => "'" + m + "'"));
        return names.Count == 1
            ? "the pipeline of " + list
            : "the pipelines of " + list + (names.Count > named ? " and " + (names.Count - named) + " more" : string.Empty);
    }

    /// <summary>Adds <paramref name="name"/> to the chains where the problem under <paramref name="key"/> is found, once.</summary>
    public static void Add<TKey>(Dictionary<TKey, List<string>> into, TKey key, string name)
        where TKey : notnull
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = new List<string>();
        }

        if (!list.Contains(name))
        {
            list.Add(name);
        }
    }
}
