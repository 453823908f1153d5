using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Orders the middlewares of one pipeline: layer by layer (global, group, message, handler), and inside a layer
/// topologically by <c>[RunsBefore]</c>/<c>[RunsAfter]</c>, stable, with Order then name deciding among those free to go.
/// A target that is not in the pipeline is ignored; a cycle is broken by Order then name (and reported as MED0018).
/// </summary>
internal static class LayerOrder
{
    /// <summary>The middlewares, outermost first; <paramref name="cycles"/> gets each cycle found, members in cycle order.</summary>
    public static List<MiddlewareSpec> Resolve(IEnumerable<MiddlewareSpec> middlewares, List<List<MiddlewareSpec>>? cycles = null)
    {
        var result = new List<MiddlewareSpec>();
        foreach (var layer in middlewares.GroupBy(m => m.Level).OrderBy(g => (int)g.Key))
        {
            result.AddRange(ResolveLayer(ByTieBreak(layer).ToList(), cycles));
        }

        return result;
    }

    /// <summary>
    /// The order when no constraint decides: Order, then (for exception handlers and actions) the less derived exception
    /// type outside, so that the closest type in the hierarchy sees an exception first, then name.
    /// </summary>
    public static IEnumerable<MiddlewareSpec> ByTieBreak(IEnumerable<MiddlewareSpec> middlewares)
        => middlewares.OrderBy(m => m.Order).ThenBy(m => m.ExceptionDepth).ThenBy(m => m.DisplayName, StringComparer.Ordinal);

    /// <summary>Whether a before/after constraint links the two directly (either way round).</summary>
    public static bool Linked(MiddlewareSpec a, MiddlewareSpec b) => Points(a, b) || Points(b, a);

    private static bool Points(MiddlewareSpec from, MiddlewareSpec to)
        => from.Constraints.Any(c => c.Kind is ConstraintKind.RunsBefore or ConstraintKind.RunsAfter && c.Targets(to));

    private static List<MiddlewareSpec> ResolveLayer(List<MiddlewareSpec> nodes, List<List<MiddlewareSpec>>? cycles)
    {
        if (nodes.All(n => n.Constraints.All(c => c.Kind is ConstraintKind.MustRunInside or ConstraintKind.MustRunOutside)))
        {
            return nodes; // The common case: no soft constraints, the tie-break is the order.
        }

        // successors[i] must run inside (after) i.
        var successors = nodes.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var constraint in nodes[i].Constraints)
            {
                for (var j = 0; j < nodes.Count; j++)
                {
                    if (i == j || !constraint.Targets(nodes[j]))
                    {
                        continue;
                    }

                    if (constraint.Kind == ConstraintKind.RunsBefore)
                    {
                        successors[i].Add(j);
                    }
                    else if (constraint.Kind == ConstraintKind.RunsAfter)
                    {
                        successors[j].Add(i);
                    }
                }
            }
        }

        var indegree = new int[nodes.Count];
        foreach (var list in successors)
        {
            foreach (var j in list.Distinct())
            {
                indegree[j]++;
            }
        }

        var placed = new bool[nodes.Count];
        var result = new List<MiddlewareSpec>();
        while (result.Count < nodes.Count)
        {
            // The first free node in tie-break order: with no constraints this is the tie-break order itself.
            var next = Enumerable.Range(0, nodes.Count).Where(i => !placed[i] && indegree[i] == 0).DefaultIfEmpty(-1).First();
            if (next < 0)
            {
                var remaining = Enumerable.Range(0, nodes.Count).Where(i => !placed[i]).ToList();
                cycles?.Add(FindCycle(remaining, successors, placed).Select(i => nodes[i]).ToList());
                next = remaining[0];
            }

            placed[next] = true;
            result.Add(nodes[next]);
            foreach (var j in successors[next].Distinct())
            {
                indegree[j]--;
            }
        }

        return result;
    }

    /// <summary>
    /// Walks back through unplaced predecessors from the first unplaced node until a node repeats. Every unplaced node
    /// has one (else it would be free), so the walk always closes a cycle; it is returned in running order.
    /// </summary>
    private static List<int> FindCycle(List<int> remaining, List<int>[] successors, bool[] placed)
    {
        var path = new List<int>();
        var current = remaining[0];
        while (!path.Contains(current))
        {
            path.Add(current);
            var here = current;
            current = Enumerable.Range(0, successors.Length).First(i => !placed[i] && successors[i].Contains(here));
        }

        var cycle = path.Skip(path.IndexOf(current)).ToList();
        cycle.Reverse();
        return cycle;
    }
}
