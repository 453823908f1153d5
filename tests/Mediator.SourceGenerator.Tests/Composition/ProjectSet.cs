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

    /// <summary>Every project built so far, as the next one references them.</summary>
    public IReadOnlyList<MetadataReference> References => _built.Select(b => b.Reference).ToList();

    /// <summary>A project without the generator (messages only), referencing every project built before it.</summary>
    public ProjectSet Plain(string name, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Select(b => b.Reference), assemblyName: name);
        Add(compilation);
        return this;
    }

    /// <summary>Runs the generator over a project (a library) that references every project built before it.</summary>
    public GeneratorRun Generate(string name, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Select(b => b.Reference), assemblyName: name);
        return GeneratorRun.Run(GeneratorRun.CreateDriver(name), compilation);
    }

    /// <summary>As <see cref="Generate"/>, for an executable (the sources declare its <c>Main</c>): the composition root.</summary>
    public GeneratorRun GenerateApplication(string name, params string[] sources)
        => GenerateApplication(name, new Dictionary<string, string>(), sources);

    /// <summary>As <see cref="GenerateApplication(string, string[])"/>, in a project that sets these MSBuild properties.</summary>
    public GeneratorRun GenerateApplication(string name, IReadOnlyDictionary<string, string> buildProperties, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Select(b => b.Reference), assemblyName: name);
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var properties = new Dictionary<string, string>(buildProperties);
        properties.TryAdd("RootNamespace", name);
        return GeneratorRun.Run(GeneratorRun.CreateDriver(properties), compilation);
    }

    /// <summary>
    /// Generates a module that references the plain projects only (modules side by side, as Application and
    /// Infrastructure often are), checks it compiles, and adds it for the next ones to reference.
    /// </summary>
    public GeneratorRun Module(string name, params string[] sources)
    {
        var (run, image) = BuildModule(name, sources);
        _built.Add((image, MetadataReference.CreateFromImage(image), true));
        return run;
    }

    /// <summary>A module built as <see cref="Module"/> does, but not added: a rebuilt version of one already in the set.</summary>
    public MetadataReference Rebuilt(string name, params string[] sources) => MetadataReference.CreateFromImage(BuildModule(name, sources).Image);

    private (GeneratorRun Run, byte[] Image) BuildModule(string name, string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, _built.Where(b => !b.IsModule).Select(b => b.Reference), assemblyName: name);
        var run = GeneratorRun.Run(GeneratorRun.CreateDriver(name), compilation);
        Assert.Empty(run.CompilationErrors);
        return (run, Emit(run.Output));
    }

    private void Add(Compilation compilation)
    {
        var image = Emit(compilation);
        _built.Add((image, MetadataReference.CreateFromImage(image), false));
    }

    private static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
