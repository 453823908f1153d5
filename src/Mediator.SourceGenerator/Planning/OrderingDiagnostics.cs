using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Checks every resolved pipeline against the ordering rules the middlewares declare: hard rules
/// (<c>[MustRunInside]</c>/<c>[MustRunOutside]</c>, across layers; catalogue IDs MED0012-MED0016, else MED0019/MED0020),
/// equal explicit orders in one layer (MED0017), before/after cycles (MED0018) and concerns a message asks for that its
/// pipeline lacks (MED0021/MED0022). One diagnostic per broken rule, naming the pipelines where it is broken.
/// Handler middleware (<c>[UseMiddleware]</c> on a handler) is checked in the chain of each handler that names it.
/// </summary>
internal static class OrderingDiagnostics
{
    private const int NamedPipelines = 3;

    /// <summary>The catalogue rules: their ID, the attribute they must come from, and what the reason defaults to.</summary>
    private static readonly Dictionary<string, (ConstraintKind Kind, string Reason)> s_catalogue = new(StringComparer.Ordinal)
    {
        ["MED0012"] = (ConstraintKind.MustRunInside, "a cache hit would skip the permission check"),
        ["MED0013"] = (ConstraintKind.MustRunOutside, "every attempt must get a fresh unit of work"),
        ["MED0014"] = (ConstraintKind.MustRunInside, "the breaker would see one outcome per N attempts"),
        ["MED0015"] = (ConstraintKind.MustRunOutside, "retries would take extra permits"),
        ["MED0016"] = (ConstraintKind.MustRunInside, "the unit of work should wrap the handler alone"),
    };

    public static void Find(
        IReadOnlyList<HandlerDiscovery> handlerDiscoveries,
        IReadOnlyList<MiddlewareDiscovery> middlewares,
        ImmutableArray<MessageDeclaration> messages,
        List<DiagnosticInfo> diagnostics)
    {
        var handlers = handlerDiscoveries.SelectMany(d => d.Handlers).ToImmutableArray();
        var specs = middlewares.Where(d => d.Middleware is { IsAutomatic: true }).GroupBy(d => d.Middleware!.OpenName, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var uses = handlerDiscoveries.OrderBy(d => d.HandlerType, StringComparer.Ordinal).SelectMany(d => d.MiddlewareUses).ToList();
        var automatic = specs.Select(d => d.Middleware!).ToList();
        // Most projects declare no rules, no shared explicit order and no concern requirement: nothing to resolve.
        var all = automatic
            .Concat(uses.Select(u => u.Middleware).Where(m => !automatic.Any(a => a.OpenName == m.OpenName)))
            .ToList();
        var anyRule = all.Any(m => m.Constraints.Count > 0)
            || all.Where(m => m.HasExplicitOrder).GroupBy(m => (m.Level, m.Order, m.OnPublish)).Any(g => g.Count() > 1)
            || messages.Any(m => m.Requirements.Count > 0);
        if (!anyRule)
        {
            return;
        }

        // Handler middleware is reported where the first handler (by name) names it, unless it also applies automatically.
        var placement = specs.ToDictionary(d => d.Middleware!.OpenName, d => d.PlacementLocation ?? d.Location, StringComparer.Ordinal);
        var location = middlewares.Where(d => d.Middleware is not null).GroupBy(d => d.Middleware!.OpenName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Location, StringComparer.Ordinal);
        foreach (var use in uses)
        {
            if (!placement.ContainsKey(use.Middleware.OpenName))
            {
                placement[use.Middleware.OpenName] = use.PlacementLocation;
            }

            if (!location.ContainsKey(use.Middleware.OpenName))
            {
                location[use.Middleware.OpenName] = use.Location;
            }
        }

        var pipelines = Pipelines(handlers, messages, automatic);

        var broken = new Dictionary<(string Middleware, OrderingConstraint Rule, string Target), List<string>>();
        var sameOrder = new Dictionary<(string First, string Second), List<string>>();
        var cycles = new Dictionary<string, List<MiddlewareSpec>>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines.Values.OrderBy(p => p.Message, StringComparer.Ordinal))
        {
            foreach (var cycle in pipeline.Cycles)
            {
                var key = string.Join("|", cycle.Select(m => m.OpenName).OrderBy(n => n, StringComparer.Ordinal));
                if (!cycles.ContainsKey(key))
                {
                    cycles[key] = cycle;
                }
            }

            CheckRules(pipeline, broken);
            CheckSameOrder(pipeline, sameOrder);
        }

        foreach (var entry in broken.OrderBy(e => e.Key.Middleware, StringComparer.Ordinal).ThenBy(e => e.Key.Target, StringComparer.Ordinal))
        {
            var (middleware, rule, target) = entry.Key;
            var display = all.First(m => m.OpenName == middleware).DisplayName;
            var targetDisplay = all.First(m => m.OpenName == target).DisplayName;
            var where = Where(entry.Value);
            if (rule.RuleId is { } id && s_catalogue.TryGetValue(id, out var catalogue) && catalogue.Kind == rule.Kind)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ById(id), placement[middleware], display, targetDisplay, where, rule.Reason ?? catalogue.Reason));
                continue;
            }

            var descriptor = rule.IsError ? DiagnosticDescriptors.OrderingRuleBrokenError : DiagnosticDescriptors.OrderingRuleBroken;
            var (must, runs, fix) = rule.Kind == ConstraintKind.MustRunInside
                ? ("inside", "outside", "a higher Order than")
                : ("outside", "inside", "a lower Order than");
            diagnostics.Add(DiagnosticInfo.Create(
                descriptor,
                placement[middleware],
                display,
                must,
                targetDisplay,
                runs,
                where,
                rule.Reason ?? "declared by [MustRun" + (rule.Kind == ConstraintKind.MustRunInside ? "Inside" : "Outside") + "(" + rule.TargetDisplay + ")]",
                fix));
        }

        foreach (var entry in sameOrder.OrderBy(e => e.Key.First, StringComparer.Ordinal).ThenBy(e => e.Key.Second, StringComparer.Ordinal))
        {
            var first = all.First(m => m.OpenName == entry.Key.First);
            var second = all.First(m => m.OpenName == entry.Key.Second);
            var where = Where(entry.Value);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SameOrderInLayer, placement[first.OpenName], first.DisplayName, second.DisplayName, first.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), where));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SameOrderInLayer, placement[second.OpenName], second.DisplayName, first.DisplayName, first.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), where));
        }

        foreach (var cycle in cycles.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Value))
        {
            // Start the cycle at its first member by name, so the message does not depend on which pipeline found it.
            var start = cycle.IndexOf(cycle.OrderBy(m => m.DisplayName, StringComparer.Ordinal).First());
            var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
            var text = string.Join(" -> ", rotated.Concat(new[] { rotated[0] }).Select(m => "'" + m.DisplayName + "'"));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrderingCycle, location[rotated[0].OpenName], text));
        }

        CheckConcerns(handlers, messages, pipelines, diagnostics);
    }

    private static void CheckRules(Pipeline pipeline, Dictionary<(string, OrderingConstraint, string), List<string>> broken)
    {
        var order = pipeline.Middlewares;
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var rule in order[i].Constraints.Where(c => c.Kind is ConstraintKind.MustRunInside or ConstraintKind.MustRunOutside))
            {
                for (var j = 0; j < order.Count; j++)
                {
                    if (i == j || !rule.Targets(order[j]) || order[i].OpenName == order[j].OpenName)
                    {
                        continue;
                    }

                    if (pipeline.OnlyHandlerLevel && order[i].Level != MiddlewareLevel.Handler && order[j].Level != MiddlewareLevel.Handler)
                    {
                        continue; // The notification's shared chain reports it.
                    }

                    var isBroken = rule.Kind == ConstraintKind.MustRunInside ? i < j : i > j;
                    if (isBroken)
                    {
                        Add(broken, (order[i].OpenName, rule, order[j].OpenName), pipeline.Message);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Two middlewares of one layer that both chose the same Order, with no before/after between them: their order is
    /// then decided by their names, which is rarely what either author meant. A default order means "no preference".
    /// </summary>
    private static void CheckSameOrder(Pipeline pipeline, Dictionary<(string, string), List<string>> sameOrder)
    {
        var explicitOnes = pipeline.Middlewares.Where(m => m.HasExplicitOrder).ToList();
        for (var i = 0; i < explicitOnes.Count; i++)
        {
            for (var j = i + 1; j < explicitOnes.Count; j++)
            {
                var (a, b) = (explicitOnes[i], explicitOnes[j]);
                if (a.Level == b.Level && a.Order == b.Order && a.OnPublish == b.OnPublish && !LayerOrder.Linked(a, b)
                    && (!pipeline.OnlyHandlerLevel || a.Level == MiddlewareLevel.Handler))
                {
                    var pair = string.CompareOrdinal(a.DisplayName, b.DisplayName) < 0 ? (a.OpenName, b.OpenName) : (b.OpenName, a.OpenName);
                    Add(sameOrder, pair, pipeline.Message);
                }
            }
        }
    }

    private static void CheckConcerns(
        ImmutableArray<HandlerSpec> handlers,
        ImmutableArray<MessageDeclaration> messages,
        Dictionary<(MessageKind, string), Pipeline> pipelines,
        List<DiagnosticInfo> diagnostics)
    {
        foreach (var message in messages.Where(m => m.Requirements.Count > 0).GroupBy(m => (m.Kind, m.MessageType)).Select(g => g.First()).OrderBy(m => m.MessageType, StringComparer.Ordinal))
        {
            // A request travels through its own pipeline or, without one, through its nearest handled base type's.
            var pipeline = new[] { message.MessageType }.Concat(message.Kind == MessageKind.Notification ? Array.Empty<string>() : message.Supertypes)
                .Select(t => pipelines.Where(p => p.Key.Item1 == message.Kind && p.Value.MessageType == t && !p.Value.OnlyHandlerLevel).Select(p => p.Value).FirstOrDefault())
                .FirstOrDefault(p => p is not null);
            if (pipeline is null)
            {
                continue; // No handler: MED0001 or MED0010 says so already.
            }

            // A notification's handlers with middleware of their own each have a chain; every handler's must provide it.
            var ownChains = pipelines.Values.Where(p => p.OnlyHandlerLevel && p.MessageType == pipeline.MessageType && message.Kind == MessageKind.Notification).ToList();
            foreach (var requirement in message.Requirements.GroupBy(r => r.Concern, StringComparer.Ordinal).Select(g => g.OrderByDescending(r => r.IsError).First()))
            {
                bool Provides(Pipeline chain) => chain.Middlewares.Any(m => m.Concern == requirement.Concern);
                if (Provides(pipeline) || (ownChains.Count == pipeline.Receivers && ownChains.All(Provides)))
                {
                    continue;
                }

                var descriptor = requirement.IsError ? DiagnosticDescriptors.RequiredConcernMissingError : DiagnosticDescriptors.RequiredConcernMissing;
                diagnostics.Add(DiagnosticInfo.Create(descriptor, requirement.Location, Short(message.MessageType), requirement.Concern, requirement.AskedBy));
            }
        }
    }

    /// <summary>Every pipeline this compilation gets, keyed by mode and message type, with its resolved middleware order.</summary>
    private static Dictionary<(MessageKind, string), Pipeline> Pipelines(ImmutableArray<HandlerSpec> handlers, ImmutableArray<MessageDeclaration> messages, List<MiddlewareSpec> middlewares)
    {
        var result = new Dictionary<(MessageKind, string), Pipeline>();
        var messageSide = middlewares.Where(m => !m.OnPublish).ToList();
        // The planner's choice when a request has several handlers (MED0002): the first by name.
        foreach (var handler in handlers.Where(h => h.Kind != MessageKind.Notification).GroupBy(h => (h.Kind, PipelinePlanner.PipelineKey(h))).Select(g => g.OrderBy(h => h.HandlerType, StringComparer.Ordinal).First()))
        {
            var cycles = new List<List<MiddlewareSpec>>();
            var ordered = PipelinePlanner.Resolve(handler.Request, handler.Response, handler.Kind, PipelinePlanner.WithHandlerMiddleware(handler, messageSide), cycles).Select(s => s.Spec).ToList();
            result[(handler.Kind, PipelinePlanner.PipelineKey(handler))] = new Pipeline(Short(PipelinePlanner.PipelineKey(handler)), PipelinePlanner.RequestKey(handler), ordered, cycles);
        }

        var notificationHandlers = handlers.Where(h => h.Kind == MessageKind.Notification).ToList();
        var notifications = PipelinePlanner.PublishedTypes(notificationHandlers, messages.Where(m => m.Notification is not null).Select(m => m.Notification!));
        var unit = HandlerParser.UnitSpec;
        foreach (var notification in notifications)
        {
            var supertypes = new HashSet<TypeRef>(notification.Supertypes);
            var receivers = notificationHandlers.Where(h => supertypes.Contains(h.Request.Type.Erased)).OrderBy(h => h.HandlerType, StringComparer.Ordinal).ToList();
            if (receivers.Count == 0)
            {
                continue;
            }

            var cycles = new List<List<MiddlewareSpec>>();
            var publishSide = PipelinePlanner.Resolve(notification, unit, MessageKind.Notification, middlewares.Where(m => m.OnPublish), cycles);
            var handlerSide = PipelinePlanner.Resolve(notification, unit, MessageKind.Notification, messageSide, cycles);
            var key = notification.Type.Erased.Display;
            var shared = publishSide.Concat(handlerSide).Select(s => s.Spec).ToList();
            result[(MessageKind.Notification, key)] = new Pipeline(Short(key), key, shared, cycles, Receivers: receivers.Count);
            foreach (var receiver in receivers)
            {
                var own = HandlerMiddleware.For(receiver, notification, unit, MessageKind.Notification, messageSide).ToList();
                if (own.Count == 0)
                {
                    continue;
                }

                var ownCycles = new List<List<MiddlewareSpec>>();
                var chain = shared.Concat(PipelinePlanner.Resolve(notification, unit, MessageKind.Notification, own, ownCycles).Select(s => s.Spec)).ToList();
                var name = Short(key) + " (" + Short(receiver.HandlerType) + ")";
                result[(MessageKind.Notification, key + "|" + receiver.HandlerType + "|" + receiver.Request.Type.Erased.Display)] = new Pipeline(name, key, chain, ownCycles, OnlyHandlerLevel: true);
            }
        }

        return result;
    }

    private static void Add<TKey>(Dictionary<TKey, List<string>> into, TKey key, string message)
        where TKey : notnull
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = new List<string>();
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    /// <summary>"the pipeline of 'A'", "the pipelines of 'A', 'B', 'C' and 2 more".</summary>
    private static string Where(List<string> messages)
    {
        var named = string.Join(", ", messages.Take(NamedPipelines).Select(m => "'" + m + "'"));
        return messages.Count == 1
            ? "the pipeline of " + named
            : "the pipelines of " + named + (messages.Count > NamedPipelines ? " and " + (messages.Count - NamedPipelines) + " more" : string.Empty);
    }

    private static string Short(string type) => DiagnosticText.Readable(type);

    /// <param name="Message">The pipeline as named in messages.</param>
    /// <param name="MessageType">The message type it serves.</param>
    /// <param name="Middlewares">Resolved order, outermost first.</param>
    /// <param name="Cycles">Before/after cycles met while ordering it.</param>
    /// <param name="OnlyHandlerLevel">The chain of one notification handler with middleware of its own: only problems that involve its handler middleware are reported from it (the shared chain reports the rest).</param>
    /// <param name="Receivers">For a notification's shared chain, how many handlers it fans out to.</param>
    private sealed record Pipeline(
        string Message,
        string MessageType,
        List<MiddlewareSpec> Middlewares,
        List<List<MiddlewareSpec>> Cycles,
        bool OnlyHandlerLevel = false,
        int Receivers = 1);
}
