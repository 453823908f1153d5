using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Gives every layer of every pipeline the lifetime its closed middleware type is registered with. The container holds
/// one registration per type, so a type that two placements give different lifetimes (<c>[Middleware(Lifetime = ...)]</c>
/// on the class and <c>[UseMiddleware(..., Lifetime = ...)]</c> elsewhere) takes the shortest of them everywhere: a
/// pipeline that believed it held a singleton while the container made it scoped would capture one scope's instance.
/// </summary>
internal static class LayerLifetimes
{
    public static (List<ResolvedPipeline> Requests, List<ResolvedPipeline> Streams, List<ResolvedPipeline> Notifications) Unify(
        List<ResolvedPipeline> requests,
        List<ResolvedPipeline> streams,
        List<ResolvedPipeline> notifications)
    {
        var all = requests.Concat(streams).Concat(notifications).ToList();
        var registered = all
            .SelectMany(p => p.Chain.Layers.Concat(p.Receivers.SelectMany(r => r.Own.Layers)))
            .GroupBy(l => l.Step.MiddlewareType, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Lifetimes.Shortest(g.Select(l => l.Lifetime)), StringComparer.Ordinal);
        if (all.All(p => Agrees(p, registered)))
        {
            return (requests, streams, notifications);
        }

        return (
            requests.Select(p => Apply(p, registered)).ToList(),
            streams.Select(p => Apply(p, registered)).ToList(),
            notifications.Select(p => Apply(p, registered)).ToList());
    }

    private static bool Agrees(ResolvedPipeline pipeline, Dictionary<string, ServiceLifetimeKind> registered)
        => pipeline.Chain.Layers.Concat(pipeline.Receivers.SelectMany(r => r.Own.Layers))
            .All(l => registered[l.Step.MiddlewareType] == l.Lifetime);

    private static ResolvedPipeline Apply(ResolvedPipeline pipeline, Dictionary<string, ServiceLifetimeKind> registered)
        => pipeline with
        {
            Chain = Apply(pipeline.Chain, registered),
            Receivers = pipeline.Receivers.Select(r => r with { Own = Apply(r.Own, registered) }).ToEquatableArray(),
        };

    private static ResolvedChain Apply(ResolvedChain chain, Dictionary<string, ServiceLifetimeKind> registered)
        => chain with { Layers = chain.Layers.Select(l => l with { Lifetime = registered[l.Step.MiddlewareType] }).ToEquatableArray() };
}
