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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
return 0;
