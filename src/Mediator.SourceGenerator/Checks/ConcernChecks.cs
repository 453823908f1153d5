using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Reports a concern a message asks for (<c>[RequiresConcern]</c>, or an interface carrying it) that no middleware of
/// its pipeline provides: MED0021 (error) or MED0022 (warning), on the attribute that asks. A notification handler
/// class may ask too (<c>[Transactional]</c> on the class): then that handler's chain must provide it.
/// </summary>
internal static class ConcernChecks
{
    public static void Find(IEnumerable<MessageDeclaration> messages, ResolvedPipelines resolved, List<DiagnosticInfo> diagnostics)
    {
        var asking = messages.Where(m => m.Requirements.Count > 0)
            .GroupBy(m => (m.Kind, m.MessageType))
            .Select(g => g.First())
            .OrderBy(m => m.MessageType, StringComparer.Ordinal);
        foreach (var message in asking)
        {
            var pipelines = message.Kind switch
            {
                MessageKind.Request => resolved.Requests,
                MessageKind.Stream => resolved.Streams,
                _ => resolved.Notifications,
            };

            // A request travels through its own pipeline or, without one, through its nearest handled base type's.
            var pipeline = new[] { message.MessageType }.Concat(message.Kind == MessageKind.Notification ? Array.Empty<string>() : message.Supertypes)
                .Select(t => pipelines.FirstOrDefault(p => p.MessageType == t))
                .FirstOrDefault(p => p is not null);
            if (pipeline is null)
            {
                continue; // No handler: MED0001 or MED0010 says so already.
            }

            // A notification's handlers with middleware of their own each have a chain; every handler's must provide it.
            var ownChains = pipeline.Receivers.Where(r => r.Own.Layers.Count > 0).Select(r => r.Own).ToList();
            foreach (var requirement in message.Requirements.GroupBy(r => r.Concern, StringComparer.Ordinal).Select(g => g.OrderByDescending(r => r.IsError).First()))
            {
                bool Provides(ResolvedChain chain) => chain.Layers.Any(l => l.Middleware.Concern == requirement.Concern);
                if (Provides(pipeline.Chain) || (pipeline.Receivers.Count > 0 && ownChains.Count == pipeline.Receivers.Count && ownChains.All(Provides)))
                {
                    continue;
                }

                Report(requirement, message.MessageType, diagnostics);
            }
        }
    }

    /// <summary>
    /// A notification handler class that asks for a concern: every pipeline it receives in must provide it around it,
    /// in the chain every handler shares or in its own. Reported once per requirement, naming the handler.
    /// </summary>
    public static void FindOnHandlers(IEnumerable<HandlerDiscovery> handlers, ResolvedPipelines resolved, List<DiagnosticInfo> diagnostics)
    {
        foreach (var discovery in handlers.Where(h => h.Requirements.Count > 0).OrderBy(h => h.HandlerType, StringComparer.Ordinal))
        {
            var chains = resolved.Notifications
                .SelectMany(p => p.Receivers.Where(r => r.Handler.HandlerType == discovery.HandlerType).Select(r => (p.Chain, r.Own)))
                .ToList();
            if (chains.Count == 0)
            {
                continue; // It receives nothing published here: no pipeline to judge.
            }

            foreach (var requirement in discovery.Requirements.GroupBy(r => r.Concern, StringComparer.Ordinal).Select(g => g.OrderByDescending(r => r.IsError).First()))
            {
                bool Provides(ResolvedChain chain) => chain.Layers.Any(l => l.Middleware.Concern == requirement.Concern);
                if (!chains.All(c => Provides(c.Chain) || Provides(c.Own)))
                {
                    Report(requirement, discovery.HandlerType, diagnostics);
                }
            }
        }
    }

    private static void Report(ConcernRequirement requirement, string asker, List<DiagnosticInfo> diagnostics)
    {
        var descriptor = requirement.IsError ? DiagnosticDescriptors.RequiredConcernMissingError : DiagnosticDescriptors.RequiredConcernMissing;
        diagnostics.Add(DiagnosticInfo.Create(descriptor, requirement.Location, DiagnosticText.Readable(asker), requirement.Concern, requirement.AskedBy));
    }
}
