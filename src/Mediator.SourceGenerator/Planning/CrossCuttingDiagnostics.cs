using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Diagnostics that need every handler, middleware and message at once: a request or stream with no handler or
/// several, a notification nobody handles, a middleware that lands in no pipeline, middleware named on handlers, and the ordering rules. Kept apart from the source output
/// so that moving code around (which changes locations) re-runs only this step.
/// </summary>
internal static class CrossCuttingDiagnostics
{
    public static EquatableArray<DiagnosticInfo> Find(
        ImmutableArray<HandlerDiscovery> handlers,
        ImmutableArray<MiddlewareDiscovery> middlewares,
        ImmutableArray<MessageDeclaration> messages,
        EquatableArray<MiddlewareDiscovery> usedMiddlewares = default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var specs = handlers.SelectMany(d => d.Handlers.Select(h => (Handler: h, d.Location))).ToList();

        var handled = specs
            .GroupBy(s => s.Handler.Kind)
            .ToDictionary(g => g.Key, g => new HashSet<string>(g.Select(s => PipelinePlanner.RequestKey(s.Handler)), StringComparer.Ordinal));
        foreach (var message in messages.GroupBy(r => (r.Kind, r.MessageType)).OrderBy(g => g.Key.MessageType, StringComparer.Ordinal))
        {
            // A subclass of a handled message, or an implementation of a handled message interface, travels through
            // that type's pipeline (requests, streams) or reaches that type's handlers (notifications).
            var first = message.First();
            if (handled.TryGetValue(first.Kind, out var keys) && (keys.Contains(first.MessageType) || first.Supertypes.Any(keys.Contains)))
            {
                continue;
            }

            var descriptor = first.Kind == MessageKind.Notification ? DiagnosticDescriptors.NotificationHasNoHandler : DiagnosticDescriptors.RequestHasNoHandler;
            diagnostics.Add(DiagnosticInfo.Create(descriptor, first.Location, first.MessageType, first.HandlerContract));
        }

        // Notifications may have many handlers; requests and streams exactly one.
        var single = specs.Where(s => s.Handler.Kind != MessageKind.Notification);
        foreach (var group in single.GroupBy(s => (s.Handler.Kind, Key: PipelinePlanner.PipelineKey(s.Handler))).OrderBy(g => g.Key.Key, StringComparer.Ordinal))
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

        // An explicit middleware applies only where [UseMiddleware] names it, possibly in another assembly: never MED0008.
        foreach (var middleware in middlewares)
        {
            if (middleware.Middleware is { IsExplicit: false } spec
                && !specs.Any(s => Applies(spec, s.Handler))
                && !messages.Any(m => m.Notification is { } n && MiddlewareMatcher.Match(spec, n, HandlerParser.UnitSpec, MessageKind.Notification) is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MiddlewareMatchesNothing, middleware.Location, spec.DisplayName));
            }
        }

        var allMiddlewares = middlewares.Concat(usedMiddlewares).ToList();
        if (handlers.Any(h => h.MiddlewareUses.Count > 0))
        {
            var notifications = PipelinePlanner.PublishedTypes(
                specs.Select(s => s.Handler).Where(h => h.Kind == MessageKind.Notification),
                messages.Where(m => m.Notification is not null).Select(m => m.Notification!));
            var automatic = allMiddlewares.Where(d => d.Middleware is { IsAutomatic: true }).Select(d => d.Middleware!).ToList();
            HandlerMiddlewareDiagnostics.Find(handlers, automatic, notifications, diagnostics);
        }

        OrderingDiagnostics.Find(handlers, allMiddlewares, messages, diagnostics);
        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// Whether the middleware wraps this handler's message. Publish-side middleware serves notifications only.
    /// For notifications this checks the handled type, which is what a derived notification's pipeline also offers.
    /// </summary>
    private static bool Applies(MiddlewareSpec middleware, HandlerSpec handler)
    {
        if (middleware.OnPublish && handler.Kind != MessageKind.Notification)
        {
            return false;
        }

        return MiddlewareMatcher.Match(middleware, handler.Request, handler.Response, handler.Kind) is not null;
    }
}
