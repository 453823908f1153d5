using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// A middleware declared here whose constraints fit no handled message and no declared notification (MED0008). An
/// explicit middleware applies only where <c>[UseMiddleware]</c> names it, possibly in another assembly: never MED0008.
/// </summary>
/// <remarks>
/// This asks what a middleware could wrap, not what the resolved pipelines hold: a notification handler of an
/// interface still counts, though only the concrete types that implement it get pipelines.
/// </remarks>
internal static class UnusedMiddlewareChecks
{
    public static void Find(
        IReadOnlyList<(HandlerSpec Handler, LocationInfo? Location)> handlers,
        IEnumerable<MiddlewareDiscovery> middlewares,
        IReadOnlyList<MessageDeclaration> messages,
        List<DiagnosticInfo> diagnostics)
    {
        foreach (var middleware in middlewares)
        {
            if (middleware.Middleware is { IsExplicit: false, Role: StepRole.Middleware } spec
                && !handlers.Any(s => Applies(spec, s.Handler))
                && !messages.Any(m => m.Notification is { } n && MiddlewareMatcher.Match(spec, n, HandlerParser.UnitSpec, MessageKind.Notification) is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MiddlewareMatchesNothing, middleware.Location, spec.DisplayName));
            }
        }
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
