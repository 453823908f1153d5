using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace GeneratorBenchmarks;

/// <summary>
/// Where a generator run spends its time, outside BenchmarkDotNet: Stopwatch around each phase, and Roslyn's own
/// per-step timings (<c>trackIncrementalGeneratorSteps</c>), summed per step name and reported as medians over runs.
/// <code>dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --profile [ours|martinothamar] [runs]</code>
/// Tracking the steps costs a little by itself; the BenchmarkDotNet rows run without it.
/// </summary>
internal static class StepProfile
{
    public static void Run(string which, int runs)
    {
        var subject = which.StartsWith("m", StringComparison.OrdinalIgnoreCase)
            ? GeneratorSubject.Martinothamar(1000)
            : GeneratorSubject.Ours(1000);
        var warm = subject.NewCompilation();
        var driver = subject.NewDriver(trackSteps: true).RunGenerators(warm);
        subject.Verify(driver, warm);
        subject.Verify(driver, subject.AddHandler(warm), withAddedHandler: true);
        Console.WriteLine($"{subject.Name}, 1,000 requests, {runs} runs of each scenario; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        Console.WriteLine($"generated: {sources.Length} files, {sources.Sum(s => s.SourceText.Length):N0} characters");

        Scenario("first run, declarations not bound", runs, i => subject.NewCompilation(), bind: false, _ => subject.NewDriver(trackSteps: true));
        Scenario("first run, declarations bound first", runs, i => subject.NewCompilation(), bind: true, _ => subject.NewDriver(trackSteps: true));
        Scenario("method-body edit, declarations not bound", runs, i => subject.EditMethodBody(warm, i), bind: false, _ => driver);
        Scenario("method-body edit, declarations bound first", runs, i => subject.EditMethodBody(warm, i), bind: true, _ => driver);
        Scenario("declaration edit (a property typed into a request record), declarations not bound", runs, i => subject.EditDeclaration(warm, i), bind: false, _ => driver);
        Scenario("declaration edit, declarations bound first", runs, i => subject.EditDeclaration(warm, i), bind: true, _ => driver);
        Scenario("added handler, declarations not bound", runs, i => subject.AddHandler(warm), bind: false, _ => driver);
        Scenario("added handler, declarations bound first", runs, i => subject.AddHandler(warm), bind: true, _ => driver);
    }

    /// <summary>
    /// One scenario over and over, without step tracking, for a sampling profiler or a quick median:
    /// <c>--loop ours|martinothamar|floor edit|decl|first|add [bound|unbound] [runs]</c>. "floor" is <see cref="FloorGenerator"/>
    /// with the hint names ours produces.
    /// </summary>
    public static void Loop(string which, string scenario, bool bind, int runs)
    {
        var subject = which.StartsWith("m", StringComparison.OrdinalIgnoreCase)
            ? GeneratorSubject.Martinothamar(1000)
            : GeneratorSubject.Ours(1000);
        var warm = subject.NewCompilation();
        var driver = subject.NewDriver().RunGenerators(warm);
        Func<GeneratorDriver> newDriver = () => subject.NewDriver();
        if (which.StartsWith("f", StringComparison.OrdinalIgnoreCase))
        {
            var hintNames = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
            newDriver = () => Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new FloorGenerator(hintNames));
            driver = newDriver().RunGenerators(warm);
        }

        Func<int, Compilation> input = scenario switch
        {
            "first" => _ => subject.NewCompilation(),
            "add" => _ => subject.AddHandler(warm),
            "decl" => i => subject.EditDeclaration(warm, i),
            _ => i => subject.EditMethodBody(warm, i),
        };
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        long allocated = 0;
        for (var i = -5; i < runs; i++)
        {
            var compilation = input(i);
            if (bind)
            {
                compilation.GetDeclarationDiagnostics();
            }

            var runDriver = scenario == "first" ? newDriver() : driver;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            runDriver.RunGenerators(compilation);
            watch.Stop();
            process.Refresh();
            if (i >= 0)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        Console.WriteLine($"{which}, {scenario}, declarations {(bind ? "bound first" : "not bound")}: median {Median(times):F2} ms, min {times.Min():F2} ms"
            + $" (process CPU time: median {Median(cpu):F1} ms) over {runs} runs, {allocated / 1048576.0 / runs:F1} MB each;"
            + $" load average: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Scenario(string name, int runs, Func<int, Compilation> compilationFor, bool bind, Func<int, GeneratorDriver> driverFor)
    {
        var totals = new List<double>();
        var binds = new List<double>();
        var allocations = new List<double>();
        var steps = new Dictionary<string, List<double>>();
        for (var i = -2; i < runs; i++)
        {
            var compilation = compilationFor(1000 + i);
            var driver = driverFor(i);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            if (bind)
            {
                compilation.GetDeclarationDiagnostics();
            }

            var bound = watch.Elapsed.TotalMilliseconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var after = driver.RunGenerators(compilation);
            var total = watch.Elapsed.TotalMilliseconds - bound;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            if (i < 0)
            {
                continue; // warm-up
            }

            totals.Add(total);
            binds.Add(bound);
            allocations.Add(allocated / 1048576.0);
            var result = after.GetRunResult().Results.Single();
            foreach (var (step, runsOfStep) in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                var sum = runsOfStep.Sum(r => r.ElapsedTime.TotalMilliseconds);
                var key = $"{step} ({runsOfStep.Length} inputs, {Reasons(runsOfStep)})";
                (steps.TryGetValue(key, out var list) ? list : steps[key] = new List<double>()).Add(sum);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"== {name}: generator run median {Median(totals):F1} ms (min {totals.Min():F1}), {Median(allocations):F1} MB"
            + (binds.Any(b => b > 0) ? $"; binding the declarations first took median {Median(binds):F1} ms" : string.Empty));
        foreach (var (step, times) in steps.OrderByDescending(s => Median(s.Value)))
        {
            Console.WriteLine($"   {Median(times),8:F2} ms  {step}");
        }
    }

    private static string Reasons(IEnumerable<IncrementalGeneratorRunStep> runs)
        => string.Join(" ", runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
