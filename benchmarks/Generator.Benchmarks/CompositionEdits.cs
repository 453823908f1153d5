using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GeneratorBenchmarks;

/// <summary>
/// Generator time per edit on <see cref="SyntheticSolution"/> (10 modules x 100 handlers and a host) beside a
/// one-project build of the same 1,000 handlers (<see cref="GeneratorSubject.Ours"/>), in one process, each figure the
/// median of <c>edits</c> edits after five warm-up edits:
/// <code>dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --modules [edits]</code>
/// Every driver runs incrementally over its edits, as the IDE runs it; the first runs (a new driver, as a command-line
/// build has) are listed too. Then a short pass with step tracking shows which of the host's steps each edit re-ran.
/// </summary>
internal static class CompositionEdits
{
    private const int WarmUp = 5;

    public static void Run(int edits)
    {
        Console.WriteLine($"generator time per edit, median of {edits} edits after {WarmUp} warm-up ones; load average at start: {LoadAverage()}");
        var solution = new SyntheticSolution();
        solution.Verify();
        Console.WriteLine($"{SyntheticSolution.ModuleCount} modules x {SyntheticSolution.HandlersPerModule} handlers, the host's generated files: "
            + string.Join(", ", solution.HostSources.Select(s => $"{s.HintName} ({s.SourceText.Length:N0} chars)")));
        var project = GeneratorSubject.Ours(SyntheticSolution.ModuleCount * SyntheticSolution.HandlersPerModule);
        var projectCompilation = project.NewCompilation();
        var projectDriver = project.NewDriver().RunGenerators(projectCompilation);
        project.Verify(projectDriver, projectCompilation);

        var rows = new List<(string Scenario, Figures Figures)>
        {
            ("one project of 1,000 handlers: method-body edit", Measure(edits, i =>
            {
                GeneratorDriver? after = null;
                var time = SyntheticSolution.Timed(() => after = projectDriver.RunGenerators(project.EditMethodBody(projectCompilation, i)));
                projectDriver = after!;
                return (time, TimeSpan.Zero);
            })),
            ("one project of 1,000 handlers: a request and handler added", Measure(edits, i =>
            {
                var edited = AddRequest(projectCompilation, i);
                GeneratorDriver? after = null;
                var time = SyntheticSolution.Timed(() => after = projectDriver.RunGenerators(edited));
                projectDriver = after!;
                return (time, TimeSpan.Zero);
            })),
            ("host over 10 modules: method-body edit in the host", Measure(edits, i => (solution.EditHost(i), TimeSpan.Zero))),
            ("one module (+ host): method-body edit in the module", Measure(edits, i => solution.EditModuleBody(i))),
            ("one module (+ host): a request and handler added to the module", Measure(edits, i => solution.AddToModule(i))),
            ("first run, one project of 1,000 handlers (command-line build)", Measure(edits, _ =>
            {
                var compilation = project.NewCompilation();
                var driver = project.NewDriver();
                return (SyntheticSolution.Timed(() => driver.RunGenerators(compilation)), TimeSpan.Zero);
            })),
            ("first run, the host over 10 modules (command-line build)", Measure(edits, _ => (solution.HostFirstRun(), TimeSpan.Zero))),
            ("first run, one module of 100 handlers (command-line build)", Measure(edits, _ => (solution.ModuleFirstRun(), TimeSpan.Zero))),
        };
        solution.Verify($"AddedRequest{edits - 1}");

        Console.WriteLine();
        Console.WriteLine("| Edit | generator time per edit, median (ms) | min (ms) | of which the module's generator | of which the host's generator |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (scenario, figures) in rows)
        {
            var parts = figures.ModuleMedian > 0 ? $"{figures.ModuleMedian:F2} | {figures.HostMedian:F2}" : "- | -";
            Console.WriteLine($"| {scenario} | {figures.Median:F2} | {figures.Min:F2} | {parts} |");
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        ShowSteps();
    }

    /// <summary>Which host steps re-ran: the references are read again only when a module's reference assembly changed.</summary>
    private static void ShowSteps()
    {
        var solution = new SyntheticSolution(trackHostSteps: true);
        var before = solution.HostSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Console.WriteLine();
        Console.WriteLine("The host's steps in one edit of each kind (step tracking on; outputs by reason):");
        Report(solution, "method-body edit in the host", () => solution.EditHost(1), ref before);
        Report(solution, "method-body edit in a module", () => solution.EditModuleBody(1), ref before);
        Report(solution, "request added to a module", () => solution.AddToModule(1), ref before);
    }

    private static void Report(SyntheticSolution solution, string edit, Action run, ref Dictionary<string, string> before)
    {
        run();
        var after = solution.HostSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var previous = before;
        var changed = after.Where(p => !previous.TryGetValue(p.Key, out var text) || text != p.Value).Select(p => p.Key).ToList();
        Console.WriteLine($"- {edit}: ModuleReferences {solution.HostStepReasons("ModuleReferences")}; Composition {solution.HostStepReasons("Composition")};"
            + $" host files whose text changed: {(changed.Count == 0 ? "none" : string.Join(", ", changed))}");
        before = after;
    }

    private static Compilation AddRequest(Compilation compilation, int edit)
    {
        var text = $$"""
            using System.Threading; using System.Threading.Tasks; using Mediator;
            namespace App.Added;
            public sealed record AddedRequest{{edit}}(int Id) : IRequest<int>;
            [Handler] public sealed class AddedRequest{{edit}}Handler : IRequestHandler<AddedRequest{{edit}}, int>
            {
                public ValueTask<int> Handle(AddedRequest{{edit}} request, CancellationToken cancellationToken) => new(request.Id);
            }
            """;
        return compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text, GeneratorSubject.ParseOptions, path: "/src/Added.cs"));
    }

    /// <summary>Runs <paramref name="edit"/> (which returns the module's and the host's generator times, or one time and zero).</summary>
    private static Figures Measure(int edits, Func<int, (TimeSpan First, TimeSpan Host)> edit)
    {
        var totals = new List<double>();
        var modules = new List<double>();
        var hosts = new List<double>();
        for (var i = -WarmUp; i < edits; i++)
        {
            // Edits numbered from 1,000 on for the warm-up, so no measured edit repeats one of them.
            var (first, host) = edit(i < 0 ? 1000 + i : i);
            if (i < 0)
            {
                continue;
            }

            totals.Add((first + host).TotalMilliseconds);
            if (host > TimeSpan.Zero)
            {
                modules.Add(first.TotalMilliseconds);
                hosts.Add(host.TotalMilliseconds);
            }
        }

        return new Figures(Median(totals), totals.Min(), modules.Count > 0 ? Median(modules) : 0, hosts.Count > 0 ? Median(hosts) : 0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private sealed record Figures(double Median, double Min, double ModuleMedian, double HostMedian);
}
