using System.Globalization;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Reports what made the order inside one layer a matter of names: two middlewares with the same explicit Order and no
/// before/after between them (MED0017, on each of the two), and a cycle of before/after constraints (MED0018, once).
/// </summary>
internal static class LayerOrderChecks
{
    public static void Find(List<CheckedChain> chains, MiddlewareLocations locations, List<DiagnosticInfo> diagnostics)
    {
        var ties = new Dictionary<(string First, string Second), List<string>>();
        var tied = new Dictionary<(string First, string Second), OrderTie>();
        var cycles = new Dictionary<string, OrderCycle>(StringComparer.Ordinal);
        foreach (var chain in chains)
        {
            foreach (var cycle in chain.Chain.Cycles)
            {
                var key = string.Join("|", cycle.Members.Select(m => m.OpenName).OrderBy(n => n, StringComparer.Ordinal));
                if (!cycles.ContainsKey(key))
                {
                    cycles[key] = cycle;
                }
            }

            foreach (var tie in chain.Chain.Ties)
            {
                var key = (MiddlewareLocations.Key(tie.First), MiddlewareLocations.Key(tie.Second));
                CheckedChain.Add(ties, key, chain.Name);
                if (!tied.ContainsKey(key))
                {
                    tied[key] = tie;
                }
            }
        }

        foreach (var entry in ties
            .OrderBy(e => tied[e.Key].First.OpenName, StringComparer.Ordinal)
            .ThenBy(e => tied[e.Key].Second.OpenName, StringComparer.Ordinal)
            .ThenBy(e => e.Key.First, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Second, StringComparer.Ordinal))
        {
            var (first, second) = (tied[entry.Key].First, tied[entry.Key].Second);
            var where = CheckedChain.Where(entry.Value);
            var order = first.Order.ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SameOrderInLayer, locations.Placement(first), first.DisplayName, second.DisplayName, order, where));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SameOrderInLayer, locations.Placement(second), second.DisplayName, first.DisplayName, order, where));
        }

        foreach (var cycle in cycles.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value.Members.ToList()))
        {
            // Start the cycle at its first member by name, so the message does not depend on which pipeline found it.
            var start = cycle.IndexOf(cycle.OrderBy(m => m.DisplayName, StringComparer.Ordinal).First());
            var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
            var text = string.Join(" -> ", rotated.Concat(new[] { rotated[0] }).Select(m => "'" + m.DisplayName + "'"));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrderingCycle, locations.Declaration(rotated[0]), text));
        }
    }
}
