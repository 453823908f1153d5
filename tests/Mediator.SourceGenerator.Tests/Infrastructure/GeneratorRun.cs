using System.Collections.Immutable;
using Mediator.SourceGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Tests.Infrastructure;

/// <summary>Compiles user-shaped source in memory, runs the generator over it, and keeps everything a test asserts on.</summary>
internal sealed class GeneratorRun
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics)
    {
        Driver = driver;
        Input = input;
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
    }

    public GeneratorDriver Driver { get; }

    public Compilation Input { get; }

    public Compilation Output { get; }

    /// <summary>Diagnostics the generator reported (MED....).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    /// <summary>Generated files by hint name, in hint-name order.</summary>
    public IReadOnlyList<(string HintName, string Text)> GeneratedSources => Result.Results
        .SelectMany(r => r.GeneratedSources)
        .OrderBy(s => s.HintName, StringComparer.Ordinal)
        .Select(s => (s.HintName, s.SourceText.ToString()))
        .ToList();

    /// <summary>Compiler errors and warnings located inside generated files: must always be empty.</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsInGeneratedCode
    {
        get
        {
            var generatedTrees = Result.GeneratedTrees.ToHashSet();
            return Output.GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
                .ToList();
        }
    }

    /// <summary>Compiler errors anywhere in the output compilation.</summary>
    public IReadOnlyList<Diagnostic> CompilationErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static GeneratorRun For(params string[] sources) => For(sources, Array.Empty<MetadataReference>());

    public static GeneratorRun For(string[] sources, MetadataReference[] extraReferences, string? rootNamespace = "TestApp")
    {
        var compilation = CreateCompilation(sources, extraReferences);
        var driver = CreateDriver(rootNamespace);
        return Run(driver, compilation);
    }

    /// <summary>User code and generated code both parsed at <paramref name="version"/> (generated code must compile at C# 8).</summary>
    public static GeneratorRun At(LanguageVersion version, params string[] sources) => At(version, Array.Empty<MetadataReference>(), sources);

    /// <summary>As <see cref="At(LanguageVersion, string[])"/>, with references to other compiled assemblies.</summary>
    public static GeneratorRun At(LanguageVersion version, MetadataReference[] extraReferences, params string[] sources)
    {
        var parseOptions = new CSharpParseOptions(version);
        var compilation = CreateCompilation(Array.Empty<string>(), extraReferences).AddSyntaxTrees(
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/src/File{i}.cs")));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new MediatorGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            optionsProvider: new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "TestApp" }),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Run(driver, compilation);
    }

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    public static GeneratorDriver CreateDriver(string? rootNamespace = "TestApp")
        => CreateDriver(rootNamespace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["RootNamespace"] = rootNamespace });

    /// <summary>A driver whose project sets these MSBuild properties (as <c>build_property.Name</c>, the way the SDK passes compiler-visible ones).</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyDictionary<string, string> buildProperties)
        => CSharpGeneratorDriver.Create(
            new[] { new MediatorGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            optionsProvider: new TestOptionsProvider(buildProperties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator over <paramref name="sources"/> in a project with these MSBuild properties; <c>RootNamespace</c>
    /// is <c>TestApp</c> unless given.
    /// </summary>
    public static GeneratorRun WithProperties(IReadOnlyDictionary<string, string> buildProperties, string[] sources, MetadataReference[]? extraReferences = null)
    {
        var properties = new Dictionary<string, string>(buildProperties);
        properties.TryAdd("RootNamespace", "TestApp");
        return Run(CreateDriver(properties), CreateCompilation(sources, extraReferences));
    }

    /// <summary>What MSBuild passes the generator: the project's <c>RootNamespace</c>, when it has one.</summary>
    public static AnalyzerConfigOptionsProvider OptionsFor(string? rootNamespace)
        => new TestOptionsProvider(rootNamespace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["RootNamespace"] = rootNamespace });

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, IEnumerable<MetadataReference>? extraReferences = null, string assemblyName = "TestApp")
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/File{i}.cs")),
            References.Value.Concat(extraReferences ?? Array.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The running framework, the abstractions and dependency injection: what a user project references.</summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var mine = new[]
        {
            typeof(global::Mediator.IMediator).Assembly.Location,
            typeof(global::Mediator.Publishing.PublishRuntime).Assembly.Location,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location,
            typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider).Assembly.Location,
        };
        return trusted.Where(p => !Path.GetFileName(p).StartsWith("Mediator.", StringComparison.Ordinal))
            .Concat(mine)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    private sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> buildProperties) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(buildProperties);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> buildProperties) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value)
            {
                const string prefix = "build_property.";
                if (key.StartsWith(prefix, StringComparison.Ordinal) && buildProperties.TryGetValue(key.Substring(prefix.Length), out var found))
                {
                    value = found;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
