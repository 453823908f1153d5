using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --filter '*'
// The full JSON exporter writes <artifacts>/results/*-report-full.json beside the usual reports.
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks.GeneratorCostBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
