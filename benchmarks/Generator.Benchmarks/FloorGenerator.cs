using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GeneratorBenchmarks;

/// <summary>
/// A generator that does nothing but keep cached outputs with the given hint names (ours, taken from a real run): one
/// value per file from an input that never changes, one <c>AddSource</c> per value. Its re-run after an edit is what
/// Roslyn's driver charges any generator for that many generated files: every cached file is added again to the run's
/// source collection, whose duplicate check compares the new hint name with each one added before (case-insensitively),
/// so the cost grows with the square of the number of files, and with the length of the names' common prefixes.
/// </summary>
internal sealed class FloorGenerator(IReadOnlyList<string> hintNames) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = hintNames;
        var files = context.CompilationProvider
            .Select((c, _) => c.AssemblyName ?? string.Empty)
            .SelectMany((_, _) => names);
        context.RegisterSourceOutput(files, static (spc, name) => spc.AddSource(name, SourceText.From("// " + name, System.Text.Encoding.UTF8)));
    }
}
