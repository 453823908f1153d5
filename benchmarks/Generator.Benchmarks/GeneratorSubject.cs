using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorBenchmarks;

/// <summary>
/// One generator and the synthetic project written for it: the parsed files, the references, and the edits the
/// benchmarks make (a new method body in the first requests file; one more file with a request and its handler).
/// </summary>
internal sealed class GeneratorSubject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private readonly Func<ISourceGenerator> _createGenerator;
    private readonly Action<GeneratorDriverRunResult, int, bool> _checkOutput;

    private GeneratorSubject(
        string name,
        SyntheticProject.Flavor flavor,
        int requests,
        string[] libraryPaths,
        Func<ISourceGenerator> createGenerator,
        Action<GeneratorDriverRunResult, int, bool> checkOutput)
    {
        Name = name;
        Flavor = flavor;
        Requests = requests;
        _createGenerator = createGenerator;
        _checkOutput = checkOutput;
        Trees = SyntheticProject.Files(flavor, requests)
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/src/File{i}.cs"))
            .ToList();

        // The framework and Microsoft.Extensions.DependencyInjection from this process, none of either mediator's
        // assemblies (ours are CompiledMediator.*, the peer's Mediator.*), then the subject's own libraries.
        References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !IsEitherMediator(Path.GetFileName(p)))
            .Concat(libraryPaths)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }

    public string Name { get; }

    private static bool IsEitherMediator(string fileName)
        => fileName.StartsWith("Mediator", StringComparison.Ordinal) || fileName.StartsWith("CompiledMediator", StringComparison.Ordinal);

    public SyntheticProject.Flavor Flavor { get; }

    public int Requests { get; }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    public MetadataReference[] References { get; }

    /// <summary>The tree the method-body edit replaces: the first file of requests (after the middleware file).</summary>
    public SyntaxTree EditedTree => Trees[1];

    public static GeneratorSubject Ours(int requests) => OursFrom(
        "ours",
        requests,
        // The abstractions and the runtime, as the CompiledMediator package brings them: generated code calls Mediator.Internal's
        // helpers (TypeIndex above the chain limit), which ship with the runtime.
        [typeof(global::Mediator.IMediator).Assembly.Location, typeof(global::Mediator.Internal.TypeIndex).Assembly.Location],
        static () => new Mediator.SourceGenerator.MediatorGenerator().AsSourceGenerator());

    /// <summary>
    /// Our generator as built from another commit: a folder holding that build's generator, abstractions and, when that
    /// build has one, runtime (see <see cref="BeforeAfter"/>): CompiledMediator.SourceGenerator.dll,
    /// CompiledMediator.Abstractions.dll and CompiledMediator.dll, or for a build from before the rename (issue 20)
    /// Mediator.SourceGenerator.dll, Mediator.Abstractions.dll and Mediator.Runtime.dll. Same synthetic project, same
    /// output checks.
    /// </summary>
    public static GeneratorSubject OursBuiltIn(string folder, int requests)
    {
        var renamed = File.Exists(Path.Combine(folder, "CompiledMediator.SourceGenerator.dll"));
        var generatorFile = renamed ? "CompiledMediator.SourceGenerator.dll" : "Mediator.SourceGenerator.dll";
        var libraries = renamed
            ? new[] { "CompiledMediator.Abstractions.dll", "CompiledMediator.dll" }
            : new[] { "Mediator.Abstractions.dll", "Mediator.Runtime.dll" };
        var generator = new Lazy<Type>(() => OtherGenerator.Load(Path.Combine(folder, generatorFile), "an earlier build of ours"));
        var references = libraries.Select(f => Path.Combine(folder, f)).Where(File.Exists).ToArray();
        return OursFrom($"ours at {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}", requests, references, () => OtherGenerator.Create(generator.Value));
    }

    private static GeneratorSubject OursFrom(string name, int requests, string[] referencePaths, Func<ISourceGenerator> create) => new(
        name,
        SyntheticProject.Flavor.Ours,
        requests,
        referencePaths,
        create,
        static (result, requests, added) =>
        {
            // The mediator, Publish, CreateStream, AddMediator, the module descriptor (a project with handlers is a
            // module, issue 20), and the pipelines: one file each up to 64, above that 32 shared files
            // (Emitting/PipelineFiles.cs). Every request has its pipeline class in one of them.
            var pipelines = requests + (added ? 1 : 0);
            var expected = 5 + (pipelines <= 64 ? pipelines : 32);
            if (result.GeneratedTrees.Length != expected)
            {
                throw new InvalidOperationException($"ours: expected {expected} generated files, got {result.GeneratedTrees.Length}.");
            }

            var classes = result.GeneratedTrees.Sum(t => System.Text.RegularExpressions.Regex.Matches(t.GetText().ToString(), @"internal sealed class \w+Pipeline\b").Count);
            if (classes != pipelines)
            {
                throw new InvalidOperationException($"ours: expected {pipelines} pipeline classes, got {classes}.");
            }
        });

    public static GeneratorSubject Martinothamar(int requests) => new(
        "martinothamar/Mediator " + PeerGenerator.Version,
        SyntheticProject.Flavor.Martinothamar,
        requests,
        [PeerGenerator.AbstractionsPath],
        PeerGenerator.Create,
        static (result, requests, added) =>
        {
            // One file holds the mediator, the DI registrations and every pipeline; its behaviors must be there.
            var text = string.Concat(result.GeneratedTrees.Select(t => t.ToString()));
            var handler = added ? "AddedRequestHandler" : $"Request{requests - 1}Handler";
            foreach (var expected in new[] { handler, "global::App.Logging<", "global::App.Audit<", "global::App.OnlyTheFirst" })
            {
                if (!text.Contains(expected, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"martinothamar/Mediator: the generated code does not mention '{expected}'.");
                }
            }
        });

    public ISourceGenerator CreateGenerator() => _createGenerator();

    public GeneratorDriver NewDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            new[] { CreateGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public Compilation NewCompilation()
        => CSharpCompilation.Create("App", Trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The first requests file with a different body in every handler, so no layer can recognise the text.</summary>
    public Compilation EditMethodBody(Compilation compilation, int edit)
    {
        var text = SyntheticProject.RequestFile(Flavor, 0, Requests / SyntheticProject.FilesOfRequests, $"var x = {edit}; return new(request.Id + x);");
        return compilation.ReplaceSyntaxTree(EditedTree, CSharpSyntaxTree.ParseText(text, ParseOptions, path: EditedTree.FilePath));
    }

    /// <summary>
    /// The first requests file with a property typed into its first request record (a new positional parameter, named
    /// after <paramref name="edit"/>): a declaration edit in one file, as typing into a message does.
    /// </summary>
    public Compilation EditDeclaration(Compilation compilation, int edit)
    {
        var text = SyntheticProject.RequestFile(Flavor, 0, Requests / SyntheticProject.FilesOfRequests)
            .Replace("Request0(int Id)", $"Request0(int Id, int P{edit + 10})");
        return compilation.ReplaceSyntaxTree(EditedTree, CSharpSyntaxTree.ParseText(text, ParseOptions, path: EditedTree.FilePath));
    }

    public Compilation AddHandler(Compilation compilation)
        => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(SyntheticProject.NewHandlerFile(Flavor), ParseOptions, path: "/src/Added.cs"));

    /// <summary>
    /// Throws unless the generator produced what it should for this project and the project with its output compiles
    /// without errors: a benchmark of a generator that silently did nothing would compare nothing.
    /// </summary>
    public void Verify(GeneratorDriver driver, Compilation input, bool withAddedHandler = false)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        if (result.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException($"{Name}: the generator threw.", exception);
        }

        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{Name}: {errors.Count} errors, first: {errors[0]}");
        }

        _checkOutput(result, Requests, withAddedHandler);
    }
}

/// <summary>
/// martinothamar/Mediator's generator, loaded from the NuGet cache into an <see cref="AssemblyLoadContext"/> of its
/// own: its assembly is called Mediator.SourceGenerator, like ours. Roslyn and the framework resolve from the default
/// context, so both generators run on the same Microsoft.CodeAnalysis (the peer was built against 4.1, ours against 4.8;
/// this process loads the one our project references).
/// </summary>
internal static class PeerGenerator
{
    private static readonly Lazy<Type> s_generatorType = new(() => OtherGenerator.Load(GeneratorPath, "martinothamar/Mediator generator"));

    public static string GeneratorPath => Metadata("PeerGenerator");

    public static string AbstractionsPath => Metadata("PeerAbstractions");

    public static string Version => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(GeneratorPath))))!)!;

    public static ISourceGenerator Create() => OtherGenerator.Create(s_generatorType.Value);

    private static string Metadata(string key)
    {
        var path = typeof(PeerGenerator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        return File.Exists(path) ? path : throw new FileNotFoundException($"{key}: not found (restore benchmarks/Generator.Benchmarks).", path);
    }
}

/// <summary>
/// A generator that must not meet the one this process references (the peer's, whose assembly is called
/// Mediator.SourceGenerator, or ours built from another commit, named like ours), loaded into an
/// <see cref="AssemblyLoadContext"/> of its own. Only the generator comes from its folder;
/// everything else (Microsoft.CodeAnalysis*, the polyfills a netstandard2.0 generator ships) comes from the default
/// context, so the Roslyn types it implements are the host's.
/// </summary>
internal static class OtherGenerator
{
    public static Type Load(string path, string contextName)
    {
        var context = new LoadContext(contextName, Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        var assembly = context.LoadFromAssemblyPath(path);
        var generators = assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length > 0)
            .ToList();
        return generators.Count == 1
            ? generators[0]
            : throw new InvalidOperationException($"Expected one [Generator] in {path}, found {generators.Count}.");
    }

    public static ISourceGenerator Create(Type generatorType)
    {
        var instance = Activator.CreateInstance(generatorType)!;
        return instance as ISourceGenerator ?? ((IIncrementalGenerator)instance).AsSourceGenerator();
    }

    private sealed class LoadContext(string name, string directory, string generatorAssembly) : System.Runtime.Loader.AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
            => assemblyName.Name == generatorAssembly ? LoadFromAssemblyPath(Path.Combine(directory, assemblyName.Name + ".dll")) : null;
    }
}
