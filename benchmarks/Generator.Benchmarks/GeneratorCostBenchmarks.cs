using BenchmarkDotNet.Attributes;
using Mediator.SourceGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorBenchmarks;

/// <summary>
/// What the generator costs on a 1,000-request project: the first run, and a re-run after the two edits an IDE sees all
/// day (a change inside a method body; a new handler). Every iteration gets a fresh compilation, so the semantic work
/// the generator asks Roslyn for is paid as it is after a real keystroke.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class GeneratorCostBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    [Params(1000)]
    public int Requests { get; set; }

    private List<SyntaxTree> _trees = null!;
    private MetadataReference[] _references = null!;
    private GeneratorDriver _warmDriver = null!;
    private Compilation _compilation = null!;
    private Compilation _warmCompilation = null!;
    private string _editedFile = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _trees = SyntheticProject.Files(Requests).Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/src/File{i}.cs")).ToList();
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("Mediator.", StringComparison.Ordinal));
        _references = trusted
            .Append(typeof(global::Mediator.IMediator).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
        _warmCompilation = NewCompilation(_trees);
        _warmDriver = NewDriver().RunGenerators(_warmCompilation);
        _editedFile = _trees[1].FilePath;
        var generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != Requests + 4)
        {
            throw new InvalidOperationException($"Expected {Requests + 4} generated files (mediator, Publish, CreateStream, AddMediator and one pipeline per request), got {generated}.");
        }
    }

    [IterationSetup(Target = nameof(FirstRun))]
    public void FreshCompilation() => _compilation = NewCompilation(_trees);

    [IterationSetup(Target = nameof(RerunAfterMethodBodyEdit))]
    public void EditMethodBody()
    {
        // A different body each time, so no layer can recognise the text from a previous iteration.
        var text = SyntheticProject.RequestFile(0, Requests / SyntheticProject.FilesOfRequests, $"var x = {++_edit}; return new(request.Id + x);");
        var old = _trees[1];
        _compilation = NewCompilation(_trees).ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, ParseOptions, path: _editedFile));
    }

    /// <summary>As an IDE does it: the edited compilation is derived from the one the generator last ran on.</summary>
    [IterationSetup(Target = nameof(RerunAfterMethodBodyEditDerived))]
    public void EditMethodBodyDerived()
    {
        var text = SyntheticProject.RequestFile(0, Requests / SyntheticProject.FilesOfRequests, $"var x = {++_edit}; return new(request.Id + x);");
        _compilation = _warmCompilation.ReplaceSyntaxTree(_trees[1], CSharpSyntaxTree.ParseText(text, ParseOptions, path: _editedFile));
    }

    [IterationSetup(Target = nameof(RerunAfterAddingAHandler))]
    public void AddHandler()
        => _compilation = NewCompilation(_trees).AddSyntaxTrees(CSharpSyntaxTree.ParseText(SyntheticProject.NewHandlerFile, ParseOptions, path: "/src/Added.cs"));

    [Benchmark]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterMethodBodyEdit() => _warmDriver.RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterMethodBodyEditDerived() => _warmDriver.RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterAddingAHandler() => _warmDriver.RunGenerators(_compilation);

    private static GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(new[] { new MediatorGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);

    private Compilation NewCompilation(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create("App", trees, _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
