using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mediator.Benchmarks.Scoped -- --filter '*'
// The full JSON exporter writes <artifacts>/results/*-report-full.json, as the other benchmark projects do.
// --alloc: where the bytes of one scoped Send go, step by step (AllocationProfile.cs).
if (args.Length > 0 && args[0] == "--alloc")
{
    return ScopedBenchmarks.AllocationProfile.Run();
}

// --interleaved <Class> <baseline method> <method>... [--rounds N]: alternating short blocks, robust to other load
// (benchmarks/LoadHarness/InterleavedRatios.cs); a second opinion beside BenchmarkDotNet, not a replacement.
if (args.Length > 1 && args[0] == "--interleaved")
{
    return LoadHarness.InterleavedRatios.Run(typeof(Program).Assembly, args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
return 0;
