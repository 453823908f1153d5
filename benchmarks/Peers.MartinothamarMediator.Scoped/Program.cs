using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Peers.MartinothamarMediator.Scoped -- --filter '*'
// The full JSON exporter writes <artifacts>/results/*-report-full.json, as the other benchmark projects do.
BenchmarkSwitcher.FromAssembly(typeof(PeerMediator3Scoped.ScopedPeerSetup).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
return 0;
