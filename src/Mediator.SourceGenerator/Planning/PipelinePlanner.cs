using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>Builds one pipeline per request type from the discovered handlers and middlewares.</summary>
internal static class PipelinePlanner
{
    public static MediatorPlan Plan(
        ImmutableArray<HandlerSpec> handlers,
        ImmutableArray<MiddlewareSpec> middlewares,
        GeneratorOptions options)
    {
        // One handler per request; when there are several (MED0002) the first by name is used so the rest of the
        // user's code still compiles while the error is fixed.
        var chosen = HandlersByRequest(handlers)
            .Select(g => g.OrderBy(h => h.HandlerType, StringComparer.Ordinal).First())
            .ToList();
        var names = PipelineNames.Assign(chosen.Select(RequestKey).ToList());
        var orderedMiddlewares = middlewares
            .OrderBy(m => m.Order)
            .ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .ToList();

        var pipelines = chosen
            .Select(h => PlanPipeline(h, names[RequestKey(h)], orderedMiddlewares, options.Namespace))
            .OrderBy(p => p.RequestType, StringComparer.Ordinal)
            .ToEquatableArray();

        return new MediatorPlan(options.Namespace, options.HasServiceCollection, pipelines, Services(chosen, pipelines));
    }

    /// <summary>The request identity used to group handlers: the type without nullable annotations.</summary>
    public static string RequestKey(HandlerSpec handler) => handler.Request.Type.Erased.Display;

    public static IEnumerable<IGrouping<string, HandlerSpec>> HandlersByRequest(IEnumerable<HandlerSpec> handlers)
        => handlers.GroupBy(RequestKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>The middlewares that apply to a request, outermost first.</summary>
    public static IEnumerable<PipelineStep> StepsFor(HandlerSpec handler, IEnumerable<MiddlewareSpec> orderedMiddlewares)
    {
        foreach (var middleware in orderedMiddlewares)
        {
            if (MiddlewareMatcher.Match(middleware, handler.Request, handler.Response) is { } step)
            {
                yield return step;
            }
        }
    }

    private static PipelinePlan PlanPipeline(HandlerSpec handler, string className, List<MiddlewareSpec> middlewares, string ns)
        => new(
            ns,
            className,
            handler.Request.Type.Display,
            handler.Response.Type.Display,
            handler.IsVoid,
            handler.Request.IsValueType,
            !handler.Request.IsSealed,
            handler.Request.IsPublic && handler.Response.IsPublic,
            handler.Request.InheritanceDepth,
            handler.Request.Supertypes.Count(s => s.Name == "global::Mediator.IRequest" && s.Arguments.Count == 1) > 1,
            handler.HandlerType,
            handler.Lifetime,
            handler.IsImplicit,
            StepsFor(handler, middlewares).ToEquatableArray());

    private static EquatableArray<ServiceRegistration> Services(List<HandlerSpec> handlers, EquatableArray<PipelinePlan> pipelines)
    {
        var handlerServices = handlers
            .GroupBy(h => h.HandlerType, StringComparer.Ordinal)
            .Select(g => new ServiceRegistration(g.Key, g.First().Lifetime));
        var middlewareServices = pipelines
            .SelectMany(p => p.Steps)
            .Select(s => s.MiddlewareType)
            .Distinct(StringComparer.Ordinal)
            .Select(t => new ServiceRegistration(t, ServiceLifetimeKind.Singleton));
        return handlerServices
            .Concat(middlewareServices)
            .OrderBy(s => s.Type, StringComparer.Ordinal)
            .ToEquatableArray();
    }
}
