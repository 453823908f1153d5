using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorBenchmarks;

/// <summary>
/// The generator's cost with interceptors (issue 23, docs/interceptors.md): the synthetic project of 1,000 requests
/// (<see cref="SyntheticProject"/>) plus 100 files that each send their ten requests through <c>ISender</c>, so 1,000
/// bound calls in 100 interceptor files. Parsed as the package's build parses them (the interceptors' namespace opted in).
/// Needs the generator's Roslyn 4.14 build, the one with interceptors:
/// <c>dotnet run -c Release -p:MediatorGeneratorBuild=Roslyn4.14 --project benchmarks/Generator.Benchmarks -- --intercept [runs]</c>.
/// Scenarios, each a median of wall-clock times: the first run; a method-body edit in a request file (no calls: every
/// interceptor file stays cached); a method-body edit in a file of calls (its interceptors are written again, the other 99
/// files' stay cached).
/// </summary>
internal static class InterceptorCost
{
    private const int Requests = 1000;

    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12)
        .WithFeatures(new[] { new KeyValuePair<string, string>("InterceptorsNamespaces", "Mediator.Generated.Interceptors") });

    public static void Run(int runs)
    {
        var perFile = Requests / SyntheticProject.FilesOfRequests;
        var sources = SyntheticProject.Files(SyntheticProject.Flavor.Ours, Requests)
            .Concat(Enumerable.Range(0, SyntheticProject.FilesOfRequests).Select(f => CallFile(f, perFile, 0)))
            .ToList();
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/src/File{i}.cs")).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("Mediator", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("CompiledMediator", StringComparison.Ordinal))
            .Concat(new[] { typeof(global::Mediator.IMediator).Assembly.Location, typeof(global::Mediator.Internal.TypeIndex).Assembly.Location })
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
        var warm = CSharpCompilation.Create("App", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
            new[] { new Mediator.SourceGenerator.MediatorGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

        var driver = Verify(NewDriver(), warm);
        var requestTree = trees[1];
        var callTree = trees[1 + SyntheticProject.FilesOfRequests];
        Compilation EditRequestFile(int edit) => warm.ReplaceSyntaxTree(requestTree, CSharpSyntaxTree.ParseText(
            SyntheticProject.RequestFile(SyntheticProject.Flavor.Ours, 0, perFile, $"var x = {edit}; return new(request.Id + x);"), ParseOptions, path: requestTree.FilePath));
        Compilation EditCallFile(int edit) => warm.ReplaceSyntaxTree(callTree, CSharpSyntaxTree.ParseText(CallFile(0, perFile, edit), ParseOptions, path: callTree.FilePath));

        Console.WriteLine($"{Requests} requests, {SyntheticProject.FilesOfRequests} files of {perFile} ISender.Send calls each; declarations bound before each run; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        Scenario("first run", runs, _ => warm, _ => NewDriver());
        Scenario("method-body edit in a request file (no calls)", runs, EditRequestFile, _ => driver);
        Scenario("method-body edit in a file of calls (its interceptors re-emitted)", runs, EditCallFile, _ => driver);
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");

        // Where an edit's time goes: the tracked steps that did work (not Cached/Unchanged), slowest first.
        var tracked = CSharpGeneratorDriver.Create(
            new[] { new Mediator.SourceGenerator.MediatorGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true)).RunGenerators(warm);
        foreach (var (name, edit) in new[] { ("request file", (Func<int, Compilation>)EditRequestFile), ("file of calls", EditCallFile) })
        {
            var steps = tracked.RunGenerators(edit(1000)).GetRunResult().Results.Single().TrackedSteps;
            var busy = steps
                .Select(p => (Name: p.Key, Time: p.Value.Sum(s => s.ElapsedTime.TotalMilliseconds), Ran: p.Value.Count(s => s.Outputs.Any(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)))))
                .Where(s => s.Ran > 0)
                .OrderByDescending(s => s.Time)
                .Take(8);
            Console.WriteLine($"  steps that ran after a method-body edit in a {name}: " + string.Join(", ", busy.Select(s => $"{s.Name} {s.Time:F2} ms ({s.Ran})")));
        }
    }

    /// <summary>
    /// A file that sends each request of request file <paramref name="file"/> through <c>ISender</c>; <paramref name="edit"/>
    /// changes a method body (and so every call's position after it) without touching a declaration.
    /// </summary>
    private static string CallFile(int file, int perFile, int edit)
    {
        var text = new StringBuilder();
        text.Append("using System.Threading.Tasks; using Mediator;\n");
        text.Append($"namespace App.Calls{file};\n");
        text.Append($"public static class Calls{file}\n{{\n    public static async Task<int> Run(ISender sender)\n    {{\n");
        text.Append($"        var total = {edit};\n");
        for (var i = 0; i < perFile; i++)
        {
            var n = (file * perFile) + i;
            text.Append($"        total += await sender.Send(new App.Feature{file}.Request{n}({n}));\n");
        }

        text.Append("        return total;\n    }\n}\n");
        return text.ToString();
    }

    /// <summary>Throws unless the build with interceptors wrote one interceptor file per file of calls and the output compiles.</summary>
    private static GeneratorDriver Verify(GeneratorDriver driver, Compilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        var interceptorFiles = result.GeneratedSources.Count(s => s.HintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal));
        if (interceptorFiles != SyntheticProject.FilesOfRequests)
        {
            throw new InvalidOperationException(
                $"Expected {SyntheticProject.FilesOfRequests} interceptor files, got {interceptorFiles}: run with -p:MediatorGeneratorBuild=Roslyn4.14 (the generator's build with interceptors).");
        }

        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{errors.Count} errors, first: {errors[0]}");
        }

        return driver;
    }

    private static void Scenario(string name, int runs, Func<int, Compilation> input, Func<int, GeneratorDriver> driverFor)
    {
        var times = new List<double>();
        long allocated = 0;
        for (var i = -5; i < runs; i++)
        {
            var compilation = input(i + 1);
            compilation.GetDeclarationDiagnostics();
            var driver = driverFor(i);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            driver.RunGenerators(compilation);
            watch.Stop();
            if (i >= 0)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        Console.WriteLine($"  {name,-70} median {median,8:F2} ms, min {times[0],8:F2} ms, {allocated / 1024.0 / runs,10:F1} KB each ({runs} runs)");
    }
}
