using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// Builds a solution of several projects in memory as MSBuild would: each project compiled through the generator (its
/// own root namespace and assembly name), emitted, and referenced by the next as metadata.
/// </summary>
internal sealed class ProjectSet
{
    private readonly List<(byte[] Image, MetadataReference Reference, bool IsModule)> _built = new();

    public IReadOnlyList<byte[]> Images => _built.Select(b => b.Image).ToList();

    /// <summary>A project without the generator (messages only), referencing every project built before it.</summary>
    public ProjectSet Plain(string name, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Select(b => b.Reference), assemblyName: name);
        Add(compilation);
        return this;
    }

    /// <summary>Runs the generator over a project that references every project built before it; fails on any error.</summary>
    public GeneratorRun Generate(string name, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Select(b => b.Reference), assemblyName: name);
        return GeneratorRun.Run(GeneratorRun.CreateDriver(name), compilation);
    }

    /// <summary>
    /// Generates a module that references the plain projects only (modules side by side, as Application and
    /// Infrastructure often are), checks it compiles, and adds it for the next ones to reference.
    /// </summary>
    public GeneratorRun Module(string name, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Where(b => !b.IsModule).Select(b => b.Reference), assemblyName: name);
        var run = GeneratorRun.Run(GeneratorRun.CreateDriver(name), compilation);
        Assert.Empty(run.CompilationErrors);
        Add(run.Output, isModule: true);
        return run;
    }

    private void Add(Compilation compilation, bool isModule = false)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        _built.Add((stream.ToArray(), MetadataReference.CreateFromImage(stream.ToArray()), isModule));
    }
}
