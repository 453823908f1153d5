using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Peers.MartinothamarMediator -- --filter '*'
// ('*' runs every class here; '*MartinothamarPublishBenchmarks*' etc. select one.)
// The full JSON exporter writes <artifacts>/results/*-report-full.json, which benchmarks/Charts reads.
BenchmarkSwitcher.FromAssembly(typeof(PeerMediator3.MartinothamarSendBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
