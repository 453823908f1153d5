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

if (args.Length > 0 && args[0] == "--loop")
{
    // For a sampling profiler (dotnet-trace): the method-body edit with bound declarations, over and over.
    // --loop floor: the same with FloorGenerator (one cached output per file ours writes, nothing else).
    GeneratorBenchmarks.StepProfile.Loop(args.Length > 1 ? args[1] : "ours", args.Length > 2 ? int.Parse(args[2]) : 100);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks.GeneratorCostBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
