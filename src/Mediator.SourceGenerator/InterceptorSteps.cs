#if ROSLYN4_14
using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;
using Mediator.SourceGenerator.Planning;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator;

/// <summary>
/// The incremental steps of the interceptors (Roslyn 4.14 build only; docs/interceptors.md), beside the generator's own:
/// each file's interceptable calls (read with its checked calls by <see cref="FileCalls"/>, again only when the file or a
/// declaration changed), one item per source file, each combined with the generated mediator's typed overloads and
/// emitted as that file's interceptors. An edit inside a method body changes its own file's item, so only that file's
/// interceptors are written again; the other files' items stay cached.
/// </summary>
internal static class InterceptorSteps
{
    /// <summary>One item per source file with interceptable calls.</summary>
    public const string InterceptableFiles = nameof(InterceptableFiles);

    /// <summary>The generated mediator's typed overloads.</summary>
    public const string Targets = "InterceptTargets";

    /// <summary>Each file's calls with the typed overloads: the input of that file's output.</summary>
    public const string InterceptorInputs = nameof(InterceptorInputs);

    /// <summary>Whether interceptors are written (property, language version, namespace opted in).</summary>
    public const string Settings = "InterceptSettings";

    public static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValueProvider<MediatorGenerator.PlanResult> plan,
        IncrementalValuesProvider<FileCalls> fileCalls)
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
        var files = fileCalls
            .Where(static file => file.Interceptable.Count > 0)
            .Select(static (file, _) => new InterceptableFile(file.FilePath, file.Interceptable))
            .WithTrackingName(InterceptableFiles);
        var inputs = files.Combine(targets).WithTrackingName(InterceptorInputs);
        context.RegisterSourceOutput(inputs, static (spc, input) =>
        {
            // Matched once: the calls bound decide whether the file gets an output and what it holds.
            var bound = InterceptorEmitter.Bound(input.Left, input.Right);
            if (bound.Count > 0)
            {
                MediatorGenerator.Emit(
                    spc,
                    InterceptorEmitter.HintName(input.Left.FilePath),
                    "the interceptors of " + InterceptorEmitter.FileName(input.Left.FilePath),
                    () => InterceptorEmitter.Emit(input.Left, input.Right.Mediator!, bound));
            }
        });
    }
}
#endif
