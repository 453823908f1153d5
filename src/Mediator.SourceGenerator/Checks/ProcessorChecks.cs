using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// A processor declared here that wraps no handled request or stream: MED0053 when some request fits it but for its
/// response type (an exception handler or post-processor written for another answer, which would silently never run),
/// else MED0052 (the processor's form of MED0008, which it is not also given). An explicit processor applies only
/// where <c>[UseMiddleware]</c> names it, possibly in another assembly: never reported here.
/// </summary>
internal static class ProcessorChecks
{
    public static void Find(
        IReadOnlyList<(HandlerSpec Handler, LocationInfo? Location)> handlers,
        IEnumerable<MiddlewareDiscovery> middlewares,
        List<DiagnosticInfo> diagnostics)
    {
        foreach (var middleware in middlewares)
        {
            if (middleware.Middleware is not { IsExplicit: false } spec || spec.Role == StepRole.Middleware)
            {
                continue;
            }

            var candidates = handlers.Select(h => h.Handler).Where(h => h.Kind != MessageKind.Notification && !spec.OnPublish).ToList();
            if (candidates.Any(h => MiddlewareMatcher.Match(spec, h.Request, h.Response, h.Kind) is not null))
            {
                continue;
            }

            var role = Capitalized(ContractKinds.Describe(spec.Role));
            var anyResponse = spec with { Contracts = spec.Contracts.Select(c => c with { Response = MiddlewareContractSpec.AnyResult }).ToEquatableArray() };
            var misfit = candidates.FirstOrDefault(h => MiddlewareMatcher.Match(anyResponse, h.Request, h.Response, h.Kind) is not null);
            diagnostics.Add(misfit is null
                ? DiagnosticInfo.Create(DiagnosticDescriptors.ProcessorMatchesNothing, middleware.Location, spec.DisplayName, role)
                : DiagnosticInfo.Create(
                    DiagnosticDescriptors.ProcessorResponseMismatch,
                    middleware.Location,
                    spec.DisplayName,
                    role,
                    MiddlewareMatcher.WhyNot(spec, misfit.Request, misfit.Response, misfit.Kind) ?? string.Empty));
        }
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}
