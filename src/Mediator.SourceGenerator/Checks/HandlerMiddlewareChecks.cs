using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// Checks each <c>[UseMiddleware]</c> on a handler class against the pipelines the handler runs in: a publish-side
/// middleware (MED0029), one that fits none of the handler's messages (MED0027), and one that already wraps the
/// handler automatically, so it would run twice (MED0028). Each is reported on the attribute's <c>typeof</c> argument.
/// </summary>
internal static class HandlerMiddlewareChecks
{
    /// <param name="handlers">Every handler class.</param>
    /// <param name="automatic">Middleware placed by constraints: declared here without Explicit, or by <c>[assembly: UseMiddleware]</c>.</param>
    /// <param name="notifications">The concrete notification types that get pipelines.</param>
    /// <param name="diagnostics">Where to add what is found.</param>
    public static void Find(
        IEnumerable<HandlerDiscovery> handlers,
        IReadOnlyList<MiddlewareSpec> automatic,
        IReadOnlyList<MessageTypeSpec> notifications,
        List<DiagnosticInfo> diagnostics)
    {
        foreach (var discovery in handlers.Where(h => h.MiddlewareUses.Count > 0))
        {
            var handlerName = DiagnosticText.Readable(discovery.HandlerType);
            var targets = discovery.Handlers
                .SelectMany(h => HandlerMiddleware.Messages(h, notifications).Select(message => (Handler: h, Message: message)))
                .ToList();
            foreach (var use in discovery.MiddlewareUses)
            {
                var middleware = use.Middleware;
                if (middleware.OnPublish)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PublishMiddlewareOnHandler, use.Location, handlerName, middleware.DisplayName));
                    continue;
                }

                if (targets.Count == 0)
                {
                    continue; // The class handles nothing (MED0006, or its contracts do not compile): nothing to wrap.
                }

                var fitting = targets.Where(t => MiddlewareMatcher.Match(middleware, t.Message, t.Handler.Response, t.Handler.Kind, HandlerMiddleware.Receiver(t.Handler)) is not null).ToList();
                if (fitting.Count == 0)
                {
                    var first = targets[0];
                    var reason = MiddlewareMatcher.WhyNot(middleware, first.Message, first.Handler.Response, first.Handler.Kind, HandlerMiddleware.Receiver(first.Handler)) ?? "it does not fit";
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerMiddlewareDoesNotFit, use.Location, handlerName, middleware.DisplayName, reason));
                    continue;
                }

                foreach (var (handler, message) in fitting)
                {
                    if (HandlerMiddleware.AlreadyApplied(middleware, message, handler.Response, handler.Kind, automatic, HandlerMiddleware.Receiver(handler)) is not { } applied)
                    {
                        continue;
                    }

                    var pipeline = "in the pipeline of '" + DiagnosticText.Readable(message.Type.Erased.Display) + "'";
                    var (how, fix) = applied.FromAssemblyAttribute
                        ? ("through [assembly: UseMiddleware] " + pipeline, "remove this [UseMiddleware] or the assembly-wide one")
                        : ("through its generic constraints " + pipeline, "mark it [Middleware(Explicit = true)] so that it applies only where [UseMiddleware] names it");
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerMiddlewareRunsTwice, use.Location, handlerName, middleware.DisplayName, how, fix));
                    break;
                }
            }
        }
    }
}
