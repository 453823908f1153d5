using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Infrastructure;

/// <summary>
/// The rule for whether a mediator is written (docs/multi-project.md): exactly when the project handles a message or
/// references a module. A project that only passes the package on gets no generated file at all.
/// </summary>
internal static class MediatorOutput
{
    /// <summary>The messages the generator resolved pipelines for in this run (from its own tracked step).</summary>
    public static int ResolvedMessages(GeneratorRun run)
    {
        var step = run.Result.Results.Single().TrackedSteps[TrackingNames.Resolved].Single();
        var resolved = (MediatorGenerator.ResolveResult)step.Outputs.Single().Value;
        Assert.NotNull(resolved.Pipelines);
        return resolved.Pipelines!.Requests.Count + resolved.Pipelines.Streams.Count + resolved.Pipelines.Notifications.Count;
    }

    /// <summary>
    /// Written when a message is handled (every generated file compiles: checked by the callers), and nothing at all
    /// otherwise: no half-written mediator, no <c>AddMediator()</c> that registers nothing.
    /// </summary>
    public static void AssertWrittenExactlyWhenSomethingIsHandled(GeneratorRun run, bool referencesModules = false)
    {
        var handles = referencesModules || ResolvedMessages(run) > 0;
        if (handles)
        {
            Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.g.cs");
        }
        else
        {
            Assert.Empty(run.GeneratedSources);
        }
    }
}
