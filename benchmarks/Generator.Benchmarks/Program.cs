using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --filter '*'
// The full JSON exporter writes <artifacts>/results/*-report-full.json beside the usual reports.
// --profile [ours|martinothamar] [runs]: per-step timings from Roslyn's step tracking, outside BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--profile")
{
    GeneratorBenchmarks.StepProfile.Run(args.Length > 1 ? args[1] : "ours", args.Length > 2 ? int.Parse(args[2]) : 10);
    return;
}

// --intercept [runs]: the cost with interceptors, 1,000 bound calls in 100 files (InterceptorCost.cs); needs the
// generator's Roslyn 4.14 build: dotnet run -c Release -p:MediatorGeneratorBuild=Roslyn4.14 ... -- --intercept.
if (args.Length > 0 && args[0] == "--intercept")
{
    GeneratorBenchmarks.InterceptorCost.Run(args.Length > 1 ? int.Parse(args[1]) : 40);
    return;
}

// --modules [edits]: generator time per edit on 10 modules x 100 handlers and a host, beside one project of the same
// 1,000 handlers (CompositionEdits.cs).
if (args.Length > 0 && args[0] == "--modules")
{
    GeneratorBenchmarks.CompositionEdits.Run(args.Length > 1 ? int.Parse(args[1]) : 20);
    return;
}

// --before-after <folder> [runs]: this tree's generator beside an earlier build of ours, interleaved (BeforeAfter.cs).
if (args.Length > 1 && args[0] == "--before-after")
{
    GeneratorBenchmarks.BeforeAfter.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 30);
    return;
}

// --loop ours|martinothamar|floor edit|decl|first|add [bound|unbound] [runs]: one scenario, no step tracking, a median.
// With ALLOC_TICKS=1 it also prints the runtime's sampled allocations by type (GC AllocationTick events).
if (args.Length > 0 && args[0] == "--loop")
{
    using var ticks = Environment.GetEnvironmentVariable("ALLOC_TICKS") is null ? null : new GeneratorBenchmarks.AllocTicks();
    GeneratorBenchmarks.StepProfile.Loop(
        args.Length > 1 ? args[1] : "ours",
        args.Length > 2 ? args[2] : "edit",
        args.Length <= 3 || args[3] != "unbound",
        args.Length > 4 ? int.Parse(args[4]) : 40);
    if (ticks is not null)
    {
        foreach (var (type, bytes) in ticks.ByType.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine($"{bytes / 1048576.0,10:F1} MB  {type}");
        }
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks.GeneratorCostBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
