using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Diagnostics that need every handler, middleware and request at once: a request with no handler or several,
/// a middleware that lands in no pipeline. Kept apart from the source output so that moving code around
/// (which changes locations) re-runs only this step.
/// </summary>
internal static class CrossCuttingDiagnostics
{
    public static EquatableArray<DiagnosticInfo> Find(
        ImmutableArray<HandlerDiscovery> handlers,
        ImmutableArray<MiddlewareDiscovery> middlewares,
        ImmutableArray<RequestDeclaration> requests)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var specs = handlers.SelectMany(d => d.Handlers.Select(h => (Handler: h, d.Location))).ToList();

        var handled = new HashSet<string>(specs.Select(s => PipelinePlanner.RequestKey(s.Handler)), StringComparer.Ordinal);
        foreach (var request in requests.GroupBy(r => r.RequestType, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // A subclass of a handled request, or an implementation of a handled request interface, travels
            // through that type's pipeline.
            if (!handled.Contains(request.Key) && !request.First().Supertypes.Any(handled.Contains))
            {
                var first = request.First();
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RequestHasNoHandler, first.Location, first.RequestType, first.HandlerContract));
            }
        }

        foreach (var group in specs.GroupBy(s => PipelinePlanner.RequestKey(s.Handler), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var handlerNames = group.Select(s => s.Handler.HandlerType).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (handlerNames.Count < 2)
            {
                continue;
            }

            var list = string.Join(" and ", handlerNames.Select(n => "'" + n + "'"));
            foreach (var (_, location) in group)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RequestHasSeveralHandlers, location, group.Key, list));
            }
        }

        foreach (var middleware in middlewares)
        {
            if (middleware.Middleware is { } spec
                && !specs.Any(s => MiddlewareMatcher.Match(spec, s.Handler.Request, s.Handler.Response) is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MiddlewareMatchesNothing, middleware.Location, spec.DisplayName));
            }
        }

        return diagnostics.ToEquatableArray();
    }
}
