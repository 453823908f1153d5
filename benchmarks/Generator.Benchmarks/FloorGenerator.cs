using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GeneratorBenchmarks;

/// <summary>
/// A generator that does nothing but keep <see cref="Files"/> outputs cached: one value per file from an input that never
/// changes, one <c>AddSource</c> per value. Its re-run after an edit is what Roslyn's driver charges any generator for
/// that many generated files (every cached file is added again to the run's source collection), the floor under ours,
/// which writes one file per request.
/// </summary>
internal sealed class FloorGenerator(int files) : IIncrementalGenerator
{
    public int Files { get; } = files;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var count = Files;
        var names = context.CompilationProvider
            .Select((c, _) => c.AssemblyName ?? string.Empty)
            .SelectMany((name, _) => Enumerable.Range(0, count).Select(i => $"{name}.Pipeline{i}"));
        context.RegisterSourceOutput(names, static (spc, name) => spc.AddSource(name + ".g.cs", SourceText.From("// " + name, System.Text.Encoding.UTF8)));
    }
}
