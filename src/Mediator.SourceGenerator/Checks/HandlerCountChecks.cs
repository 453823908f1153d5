using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Every message reaches the right number of handlers: a request or stream with no handler (MED0001), a notification
/// with none (MED0010, info; not for one routed to a broker, whose Publish sends it), a request or stream with several
/// (MED0002, on each of them).
/// </summary>
internal static class HandlerCountChecks
{
    public static void Find(
        IReadOnlyList<(HandlerSpec Handler, LocationInfo? Location)> handlers,
        IEnumerable<MessageDeclaration> messages,
        List<DiagnosticInfo> diagnostics,
        ISet<string>? routed = null)
    {
        var handled = handlers
            .GroupBy(s => s.Handler.Kind)
            .ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(s => PipelineResolver.RequestKey(s.Handler)), StringComparer.Ordinal));
        foreach (var message in messages.GroupBy(r => (r.Kind, r.MessageType)).OrderBy(g => g.Key.MessageType, StringComparer.Ordinal))
        {
            // A subclass of a handled message, or an implementation of a handled message interface, travels through
            // that type's pipeline (requests, streams) or reaches that type's handlers (notifications).
            var first = message.First();
            if (handled.TryGetValue(first.Kind, out var keys) && (keys.Contains(first.MessageType) || first.Supertypes.Any(keys.Contains)))
            {
                continue;
            }

            if (first.Kind == MessageKind.Notification && routed is not null && routed.Contains(first.MessageType))
            {
                continue;
            }

            var descriptor = first.Kind == MessageKind.Notification ? DiagnosticDescriptors.NotificationHasNoHandler : DiagnosticDescriptors.RequestHasNoHandler;
            diagnostics.Add(DiagnosticInfo.Create(descriptor, first.Location, first.MessageType, first.HandlerContract));
        }

        // Notifications may have many handlers; requests and streams exactly one.
        var single = handlers.Where(s => s.Handler.Kind != MessageKind.Notification);
        foreach (var group in single.GroupBy(s => (s.Handler.Kind, Key: PipelineResolver.PipelineKey(s.Handler))).OrderBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            var handlerNames = group.Select(s => s.Handler.HandlerType).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (handlerNames.Count < 2)
            {
                continue;
            }

            var list = string.Join(" and ", handlerNames.Select(n => "'" + n + "'"));
            foreach (var (_, location) in group)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequestHasSeveralHandlers, location, group.Key.Key, list));
            }
        }
    }
}
