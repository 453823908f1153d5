using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Reports the hard ordering rules (<c>[MustRunInside]</c>/<c>[MustRunOutside]</c>) the resolver found broken: under the
/// rule's own ID when <see cref="OrderingRuleTable"/> has it (MED0012-MED0016), else MED0019 (warning) or MED0020 (error).
/// One diagnostic per broken rule, on what decided the middleware's place, naming the pipelines where it is broken.
/// </summary>
internal static class OrderingRuleChecks
{
    public static void Find(List<CheckedChain> chains, MiddlewareLocations locations, List<DiagnosticInfo> diagnostics)
    {
        var broken = new Dictionary<(string Middleware, OrderingConstraint Rule, string Target), (RuleOutcome Outcome, List<string> Where)>();
        foreach (var chain in chains)
        {
            foreach (var outcome in chain.Chain.Rules.Where(r => !r.IsKept))
            {
                var key = (MiddlewareLocations.Key(outcome.Middleware), outcome.Rule, MiddlewareLocations.Key(outcome.Target));
                if (!broken.TryGetValue(key, out var entry))
                {
                    broken[key] = entry = (outcome, new List<string>());
                }

                if (!entry.Where.Contains(chain.Name))
                {
                    entry.Where.Add(chain.Name);
                }
            }
        }

        foreach (var (outcome, where) in broken.Values
            .OrderBy(e => e.Outcome.Middleware.OpenName, StringComparer.Ordinal)
            .ThenBy(e => e.Outcome.Target.OpenName, StringComparer.Ordinal)
            .ThenBy(e => MiddlewareLocations.Key(e.Outcome.Middleware), StringComparer.Ordinal)
            .ThenBy(e => MiddlewareLocations.Key(e.Outcome.Target), StringComparer.Ordinal))
        {
            diagnostics.Add(Report(outcome, CheckedChain.Where(where), locations.Placement(outcome.Middleware)));
        }
    }

    private static DiagnosticInfo Report(RuleOutcome outcome, string where, LocationInfo? location)
    {
        var rule = outcome.Rule;
        var display = outcome.Middleware.DisplayName;
        var target = outcome.Target.DisplayName;
        if (OrderingRuleTable.Find(rule) is { } known)
        {
            return DiagnosticInfo.Create(known.Descriptor, location, display, target, where, rule.Reason ?? known.Reason);
        }

        var descriptor = rule.IsError ? DiagnosticDescriptors.OrderingRuleBrokenError : DiagnosticDescriptors.OrderingRuleBroken;
        var (must, runs, fix) = rule.Kind == ConstraintKind.MustRunInside
            ? ("inside", "outside", "a higher Order than")
            : ("outside", "inside", "a lower Order than");
        return DiagnosticInfo.Create(
            descriptor,
            location,
            display,
            must,
            target,
            runs,
            where,
            rule.Reason ?? "declared by [MustRun" + (rule.Kind == ConstraintKind.MustRunInside ? "Inside" : "Outside") + "(" + rule.TargetDisplay + ")]",
            fix);
    }
}
