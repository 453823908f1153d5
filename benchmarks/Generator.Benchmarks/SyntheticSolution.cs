using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace GeneratorBenchmarks;

/// <summary>
/// A solution of <see cref="ModuleCount"/> modules of <see cref="HandlersPerModule"/> handlers each (the requests and
/// middleware of <see cref="SyntheticProject"/>, split ten files per module, each module with its own middleware in
/// its own namespace) and a host that references them all, as MSBuild and the IDE give it to the compiler: each module
/// compiled through our generator and referenced by the host as metadata (its reference assembly). Each project keeps
/// its own <see cref="GeneratorDriver"/>, run incrementally over the edits, as the IDE runs them.
/// </summary>
internal sealed class SyntheticSolution
{
    public const int ModuleCount = 10;
    public const int HandlersPerModule = 100;
    private const int FilesPerModule = 10;
    private const int PerFile = HandlersPerModule / FilesPerModule;

    /// <summary>Reference assemblies, as <c>ProduceReferenceAssembly</c> writes them (method bodies and private members left out).</summary>
    private static readonly EmitOptions ReferenceAssembly = new(metadataOnly: true, includePrivateMembers: false);

    /// <summary>Deterministic, as SDK projects are: an unchanged module gives the same reference assembly, byte for byte.</summary>
    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, deterministic: true);

    private readonly MetadataReference[] _baseReferences;
    private readonly Module[] _modules;
    private Compilation _host;
    private GeneratorDriver _hostDriver;

    /// <param name="trackHostSteps">Record the host's steps (<see cref="HostStepReasons"/>); leave off when timing.</param>
    public SyntheticSolution(bool trackHostSteps = false)
    {
        // The framework, the abstractions and the runtime: the one-project subject's references.
        _baseReferences = GeneratorSubject.Ours(HandlersPerModule).References;
        _modules = Enumerable.Range(0, ModuleCount).Select(m => new Module(m, _baseReferences)).ToArray();
        _host = CSharpCompilation.Create(
            "Host",
            [Parse(HostFile(0), "/host/Program.cs")],
            _baseReferences.Concat(_modules.Select(m => m.Reference)),
            Options);
        _hostDriver = NewDriver(trackHostSteps);
        _hostDriver = _hostDriver.RunGenerators(_host);
    }

    /// <summary>The module an edit in "one module" changes.</summary>
    public int EditedModule => 3;

    /// <summary>The host's generated sources after its last run.</summary>
    public IReadOnlyList<GeneratedSourceResult> HostSources => _hostDriver.GetRunResult().Results.Single().GeneratedSources;

    /// <summary>How each output of the host's step <paramref name="step"/> came about in its last run (Cached, Unchanged, Modified, New).</summary>
    public string HostStepReasons(string step)
        => _hostDriver.GetRunResult().Results.Single().TrackedSteps.TryGetValue(step, out var runs)
            ? string.Join(" ", runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"))
            : "not run";

    public static GeneratorDriver NewDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new Mediator.SourceGenerator.MediatorGenerator().AsSourceGenerator()],
        parseOptions: GeneratorSubject.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A new driver for the host, its first run timed: what a command-line build of the host pays.</summary>
    public TimeSpan HostFirstRun()
    {
        var driver = NewDriver();
        return Timed(() => driver.RunGenerators(_host));
    }

    /// <summary>A new driver for one module, its first run timed.</summary>
    public TimeSpan ModuleFirstRun() => _modules[EditedModule].FirstRun();

    /// <summary>Edit <paramref name="edit"/> of the host: a different method body in the host's file.</summary>
    public TimeSpan EditHost(int edit)
    {
        var tree = _host.SyntaxTrees.Single();
        _host = _host.ReplaceSyntaxTree(tree, Parse(HostFile(edit), tree.FilePath));
        return RunHost();
    }

    /// <summary>
    /// A method-body edit in one module: the module's generator runs over it, the module is compiled; its reference
    /// assembly is the same as before, so the host keeps the same reference (as MSBuild and the IDE do) and runs over a
    /// compilation that is new but equal. Returns the module's and the host's generator times.
    /// </summary>
    public (TimeSpan Module, TimeSpan Host) EditModuleBody(int edit)
    {
        var module = _modules[EditedModule];
        var moduleTime = module.EditBody(edit);
        _host = _host.WithReferences(_host.References);
        return (moduleTime, RunHost());
    }

    /// <summary>
    /// A declaration edit in one module: the module gains request <c>AddedRequest{edit}</c> and its handler (replacing
    /// the previous edit's), so its reference assembly changes and the host reads its references again and forwards
    /// the new request. Returns the module's and the host's generator times.
    /// </summary>
    public (TimeSpan Module, TimeSpan Host) AddToModule(int edit)
    {
        var module = _modules[EditedModule];
        var before = module.Reference;
        var moduleTime = module.AddRequest(edit);
        if (ReferenceEquals(before, module.Reference))
        {
            throw new InvalidOperationException("A new request left the module's reference assembly unchanged.");
        }

        _host = _host.ReplaceReference(before, module.Reference);
        return (moduleTime, RunHost());
    }

    /// <summary>
    /// Throws unless the host's output compiles without errors and forwards every module request (plus
    /// <paramref name="added"/> when an added request is expected): timing a host that composed nothing proves nothing.
    /// </summary>
    public void Verify(string? added = null)
    {
        var driver = _hostDriver.RunGeneratorsAndUpdateCompilation(_host, out var output, out var diagnostics);
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"the host: {errors.Count} errors, first: {errors[0]}");
        }

        var modules = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Mediator.Modules.g.cs").SourceText.ToString();
        var forwarded = Regex.Matches(modules, @"public global::System\.Threading\.Tasks\.ValueTask<int> Send\(").Count;
        var expected = (ModuleCount * HandlersPerModule) + (added is null ? 0 : 1);
        if (forwarded != expected || (added is not null && !modules.Contains(added, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"the host forwards {forwarded} requests, expected {expected}{(added is null ? string.Empty : " with " + added)}.");
        }
    }

    private TimeSpan RunHost()
    {
        GeneratorDriver? after = null;
        var time = Timed(() => after = _hostDriver.RunGenerators(_host));
        _hostDriver = after!;
        return time;
    }

    internal static TimeSpan Timed(Action run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        run();
        return watch.Elapsed;
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, GeneratorSubject.ParseOptions, path: path);

    /// <summary>The host's own code: one request and handler, and a method that sends a module's request through the composed mediator.</summary>
    private static string HostFile(int edit) => $$"""
        using System.Threading; using System.Threading.Tasks; using Mediator;
        namespace Host;
        public sealed record HostRequest(int Id) : IRequest<int>;
        [Handler] public sealed class HostRequestHandler : IRequestHandler<HostRequest, int>
        {
            public ValueTask<int> Handle(HostRequest request, CancellationToken cancellationToken) { var x = {{edit}}; return new(request.Id + x); }
        }
        public static class Calls
        {
            public static ValueTask<int> SendToAModule(Mediator mediator) => mediator.Send(new App.Feature0.Request0({{edit}}));
        }
        """;

    /// <summary>One module: its compilation, its driver, and the reference assembly the host is given.</summary>
    private sealed class Module
    {
        private readonly int _index;
        private Compilation _compilation;
        private GeneratorDriver _driver;
        private byte[] _image = [];

        public Module(int index, MetadataReference[] references)
        {
            _index = index;
            var firstFile = index * FilesPerModule;
            var trees = new List<SyntaxTree>
            {
                Parse(SyntheticProject.MiddlewareFile(Namespace, $"App.Feature{firstFile}.Request{firstFile * PerFile}"), $"/module{index}/Middlewares.cs"),
            };
            for (var f = 0; f < FilesPerModule; f++)
            {
                trees.Add(Parse(RequestFile(firstFile + f), $"/module{index}/File{f}.cs"));
            }

            _compilation = CSharpCompilation.Create($"Module{index}", trees, references, Options);
            _driver = NewDriver();
            Reference = Build(runGenerator: () => _driver = _driver.RunGeneratorsAndUpdateCompilation(_compilation, out _output, out _));
        }

        public MetadataReference Reference { get; private set; } = null!;

        private string Namespace => $"App.Module{_index}";

        private Compilation _output = null!;

        public TimeSpan FirstRun()
        {
            var driver = NewDriver();
            return Timed(() => driver.RunGenerators(_compilation));
        }

        public TimeSpan EditBody(int edit)
        {
            var tree = _compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/File0.cs", StringComparison.Ordinal));
            _compilation = _compilation.ReplaceSyntaxTree(tree, Parse(RequestFile(_index * FilesPerModule, $"var x = {edit}; return new(request.Id + x);"), tree.FilePath));
            return Rebuild();
        }

        public TimeSpan AddRequest(int edit)
        {
            var text = $$"""
                using System.Threading; using System.Threading.Tasks; using Mediator;
                namespace App.Added{{_index}};
                public sealed record AddedRequest{{edit}}(int Id) : IRequest<int>;
                [Handler] public sealed class AddedRequest{{edit}}Handler : IRequestHandler<AddedRequest{{edit}}, int>
                {
                    public ValueTask<int> Handle(AddedRequest{{edit}} request, CancellationToken cancellationToken) => new(request.Id);
                }
                """;
            var previous = _compilation.SyntaxTrees.SingleOrDefault(t => t.FilePath.EndsWith("/Added.cs", StringComparison.Ordinal));
            var tree = Parse(text, $"/module{_index}/Added.cs");
            _compilation = previous is null ? _compilation.AddSyntaxTrees(tree) : _compilation.ReplaceSyntaxTree(previous, tree);
            return Rebuild();
        }

        private string RequestFile(int file, string body = "return new(request.Id);")
            => SyntheticProject.RequestFile(SyntheticProject.Flavor.Ours, file, PerFile, body, Namespace + ".IAudited");

        /// <summary>Runs the module's generator (timed), compiles the module and takes its new reference assembly if it changed.</summary>
        private TimeSpan Rebuild()
        {
            var time = TimeSpan.Zero;
            var reference = Build(runGenerator: () => time = Timed(() => _driver = _driver.RunGeneratorsAndUpdateCompilation(_compilation, out _output, out _)));
            Reference = reference;
            return time;
        }

        private MetadataReference Build(Action runGenerator)
        {
            runGenerator();
            using var stream = new MemoryStream();
            var result = _output.Emit(stream, options: ReferenceAssembly);
            if (!result.Success)
            {
                throw new InvalidOperationException($"Module{_index}: {result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}");
            }

            // An unchanged reference assembly keeps its reference object: the host's references are then equal, as
            // they are when MSBuild finds the reference assembly unchanged or the IDE reuses a project's skeleton.
            var image = stream.ToArray();
            if (image.AsSpan().SequenceEqual(_image))
            {
                return Reference;
            }

            _image = image;
            return MetadataReference.CreateFromImage(image);
        }
    }
}
