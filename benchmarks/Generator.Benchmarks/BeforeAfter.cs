using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace GeneratorBenchmarks;

/// <summary>
/// This tree's generator beside ours as built from an earlier commit, on the same 1,000-request project, interleaved in
/// one process: each run of a scenario times both, in alternating order, so drift in a shared machine's load falls on
/// both sides alike. A redesign that should not change the generator's cost is checked this way.
/// <code>
/// git worktree add /tmp/before &lt;commit&gt;
/// dotnet build /tmp/before/src/Mediator.SourceGenerator -c Release; dotnet build /tmp/before/src/Mediator.Abstractions -c Release
/// mkdir /tmp/before-bin; cp /tmp/before/src/Mediator.SourceGenerator/bin/Release/netstandard2.0/*.SourceGenerator.dll \
///   /tmp/before/src/Mediator.Abstractions/bin/Release/net10.0/*.Abstractions.dll /tmp/before-bin/
/// (CompiledMediator.* since issue 20, Mediator.* before it: either is found.)
/// dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --before-after /tmp/before-bin [runs]
/// </code>
/// </summary>
internal static class BeforeAfter
{
    private const int Requests = 1000;

    public static void Run(string beforeFolder, int runs)
    {
        var subjects = new[] { GeneratorSubject.OursBuiltIn(beforeFolder, Requests), GeneratorSubject.Ours(Requests) };
        var warm = subjects.Select(s => s.NewCompilation()).ToArray();
        var drivers = subjects.Select((s, i) => s.NewDriver().RunGenerators(warm[i])).ToArray();
        for (var i = 0; i < subjects.Length; i++)
        {
            subjects[i].Verify(drivers[i], warm[i]);
            subjects[i].Verify(drivers[i], subjects[i].AddHandler(warm[i]), withAddedHandler: true);
        }

        Console.WriteLine($"{subjects[0].Name} (before) beside {subjects[1].Name} (after), {Requests:N0} requests, {runs} interleaved runs each;"
            + $" load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"scenario",-34} {"before ms",10} {"after ms",10} {"ratio",7} {"before MB",10} {"after MB",10}");
        Scenario("first run", runs, subjects, (s, i, _) => (s.NewCompilation(), s.NewDriver()));
        Scenario("method-body edit (cached re-run)", runs, subjects, (s, i, edit) => (s.EditMethodBody(warm[i], edit), drivers[i]));
        Scenario("declaration edit (property typed)", runs, subjects, (s, i, edit) => (s.EditDeclaration(warm[i], edit), drivers[i]));
        Scenario("handler added", runs, subjects, (s, i, _) => (s.AddHandler(warm[i]), drivers[i]));
    }

    private static void Scenario(string name, int runs, GeneratorSubject[] subjects, Func<GeneratorSubject, int, int, (Compilation Input, GeneratorDriver Driver)> prepare)
    {
        var times = subjects.Select(_ => new List<double>()).ToArray();
        var megabytes = subjects.Select(_ => new List<double>()).ToArray();
        for (var run = -5; run < runs; run++)
        {
            // Alternate which side goes first, so neither always runs right after the other's garbage.
            for (var k = 0; k < subjects.Length; k++)
            {
                var i = (run & 1) == 0 ? k : subjects.Length - 1 - k;
                var (input, driver) = prepare(subjects[i], i, 1000 + run);
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                driver.RunGenerators(input);
                watch.Stop();
                if (run >= 0)
                {
                    times[i].Add(watch.Elapsed.TotalMilliseconds);
                    megabytes[i].Add((GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0);
                }
            }
        }

        var before = Median(times[0]);
        var after = Median(times[1]);
        Console.WriteLine($"{name,-34} {before,10:F2} {after,10:F2} {after / before,7:F2} {Median(megabytes[0]),10:F1} {Median(megabytes[1]),10:F1}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
