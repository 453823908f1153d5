using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Judges an ordered chain against the rules middlewares declare, so that the resolved model carries the outcome and
/// the checks only report it: each <c>[MustRunInside]</c>/<c>[MustRunOutside]</c> whose target is in the chain (across
/// layers), and each pair of one layer that chose the same explicit Order with no before/after between them.
/// </summary>
internal static class ChainRules
{
    /// <summary>A chain of its own: every rule and tie in it.</summary>
    public static ResolvedChain Chain(List<ResolvedLayer> layers, List<List<MiddlewareSpec>> cycles)
        => Chain(layers, cycles, new List<ResolvedLayer>());

    /// <summary>
    /// A handler's own layers inside a shared chain (a notification handler's <c>[UseMiddleware]</c>): only the rules
    /// and ties that involve one of its own layers, since the shared chain's own are judged with the shared chain.
    /// </summary>
    public static ResolvedChain Chain(List<ResolvedLayer> layers, List<List<MiddlewareSpec>> cycles, List<ResolvedLayer> outer)
    {
        var order = outer.Concat(layers).Select(l => l.Middleware).ToList();
        var ownFrom = outer.Count;
        return new ResolvedChain(
            layers.ToEquatableArray(),
            cycles.Select(c => new OrderCycle(c.ToEquatableArray())).ToEquatableArray(),
            Rules(order, ownFrom).ToEquatableArray(),
            Ties(order, ownFrom).ToEquatableArray());
    }

    /// <summary>Middleware before <paramref name="ownFrom"/> belongs to an outer chain: a pair with no member from <paramref name="ownFrom"/> on is skipped.</summary>
    private static IEnumerable<RuleOutcome> Rules(List<MiddlewareSpec> order, int ownFrom)
    {
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var rule in order[i].Constraints.Where(c => c.Kind is ConstraintKind.MustRunInside or ConstraintKind.MustRunOutside))
            {
                for (var j = 0; j < order.Count; j++)
                {
                    if (i == j || (i < ownFrom && j < ownFrom) || !rule.Targets(order[j]) || order[i].OpenName == order[j].OpenName)
                    {
                        continue;
                    }

                    var kept = rule.Kind == ConstraintKind.MustRunInside ? i > j : i < j;
                    yield return new RuleOutcome(order[i], rule, order[j], kept);
                }
            }
        }
    }

    /// <summary>
    /// Two middlewares of one layer that both chose the same Order, with no before/after between them: their order is
    /// then decided by their names, which is rarely what either author meant. A default order means "no preference".
    /// </summary>
    private static IEnumerable<OrderTie> Ties(List<MiddlewareSpec> order, int ownFrom)
    {
        var explicitOnes = order.Select((m, i) => (Middleware: m, Index: i)).Where(m => m.Middleware.HasExplicitOrder).ToList();
        for (var i = 0; i < explicitOnes.Count; i++)
        {
            for (var j = i + 1; j < explicitOnes.Count; j++)
            {
                var (a, b) = (explicitOnes[i].Middleware, explicitOnes[j].Middleware);
                if (explicitOnes[j].Index >= ownFrom && a.Level == b.Level && a.Order == b.Order && a.ExceptionDepth == b.ExceptionDepth && a.OnPublish == b.OnPublish && !LayerOrder.Linked(a, b))
                {
                    yield return string.CompareOrdinal(a.DisplayName, b.DisplayName) < 0 ? new OrderTie(a, b) : new OrderTie(b, a);
                }
            }
        }
    }
}
