using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mediator.Benchmarks -- --filter '*SendBenchmarks*'
// ('*SendBenchmarks*' also matches PeerSendBenchmarks; 'MediatorBenchmarks.SendBenchmarks.*' selects SendBenchmarks alone.)
// Publish and streams: --filter 'MediatorBenchmarks.PublishBenchmarks.*' and --filter 'MediatorBenchmarks.StreamBenchmarks.*'
// The full JSON exporter writes <artifacts>/results/*-report-full.json, which benchmarks/Charts reads.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
