#if ROSLYN4_14
using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator;

/// <summary>
/// The incremental steps of the interceptors (Roslyn 4.14 build only; docs/interceptors.md), beside the generator's own:
/// the interceptable calls (read in the edited files only), grouped into one item per source file, each combined with the
/// generated mediator's typed overloads and emitted as that file's interceptors. An edit inside a method body changes its
/// own file's item, so only that file's interceptors are written again; the other files' items compare equal and stay
/// cached.
/// </summary>
internal static class InterceptorSteps
{
    /// <summary>The interceptable calls of the whole compilation (tracking name, for the incrementality tests).</summary>
    public const string InterceptableCalls = nameof(InterceptableCalls);

    /// <summary>One item per source file with interceptable calls.</summary>
    public const string InterceptableFiles = nameof(InterceptableFiles);

    /// <summary>The generated mediator's typed overloads.</summary>
    public const string Targets = "InterceptTargets";

    /// <summary>Each file's calls with the typed overloads: the input of that file's output.</summary>
    public const string InterceptorInputs = nameof(InterceptorInputs);

    /// <summary>Whether interceptors are written (property, language version, namespace opted in).</summary>
    public const string Settings = "InterceptSettings";

    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<MediatorGenerator.PlanResult> plan)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select(static (input, _) => InterceptSettingReader.Read(input.Left.GlobalOptions, input.Right))
            .WithTrackingName(Settings);
        var targets = plan
            .Select(static (p, _) => InterceptTargetFinder.Find(p.Plan))
            .Combine(settings)
            .Select(static (input, _) => input.Right.Enabled ? input.Left : InterceptTargets.None)
            .WithTrackingName(Targets);
        var files = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, ct) => InterceptableCallParser.IsCandidate(node, ct), static (c, ct) => InterceptableCallParser.Read(c, ct))
            .Where(static call => call is not null)
            .Select(static (call, _) => call!)
            .WithTrackingName(InterceptableCalls)
            .Collect()
            .SelectMany(static (calls, _) => calls
                .GroupBy(c => c.FilePath, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new InterceptableFile(g.Key, g.ToEquatableArray())))
            .WithTrackingName(InterceptableFiles);
        var inputs = files.Combine(targets).WithTrackingName(InterceptorInputs);
        context.RegisterSourceOutput(inputs, static (spc, input) =>
        {
            if (InterceptorEmitter.Bound(input.Left, input.Right).Count > 0)
            {
                MediatorGenerator.Emit(
                    spc,
                    InterceptorEmitter.HintName(input.Left.FilePath),
                    "the interceptors of " + InterceptorEmitter.FileName(input.Left.FilePath),
                    () => InterceptorEmitter.Emit(input.Left, input.Right)!);
            }
        });
    }
}
#endif
