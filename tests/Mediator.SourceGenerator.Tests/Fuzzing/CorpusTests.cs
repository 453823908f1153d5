using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests.Fuzzing;

/// <summary>
/// The fuzz corpus as written: realistic programs (records with primary constructors, partial types over several files,
/// using aliases, <c>#if</c>, file-local types, nullable on and off, C# 8 to the latest) must compile through the
/// generator with no diagnostic at all, the analyzers' included, and run. What a program prints is kept in its
/// <c>expected.txt</c>, accepted like a snapshot (<see cref="Snapshot.Accepting"/>) after a change to the program.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Seeds => new(Seed.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Seed_compiles_without_diagnostics_and_runs(string name)
    {
        var seed = Seed.All.Single(s => s.Name == name);

        var outcome = GeneratorCheck.Run(seed.Compilation, seed.ParseOptions);

        Assert.Empty(outcome.Problems);
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.All.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var run = GeneratorRun.Run(
            CSharpGeneratorDriver.Create(new[] { new MediatorGenerator().AsSourceGenerator() }, parseOptions: seed.ParseOptions, optionsProvider: GeneratorRun.OptionsFor("TestApp")),
            seed.Compilation);
        var actual = await CompiledApp.RunAsync(run);
        if (Snapshot.Accepting)
        {
            seed.AcceptExpected(actual);
        }

        Assert.Equal(seed.Expected, actual);
    }
}
