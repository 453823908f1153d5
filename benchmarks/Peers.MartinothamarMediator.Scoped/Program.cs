using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Peers.MartinothamarMediator.Scoped -- --filter '*'
// The full JSON exporter writes <artifacts>/results/*-report-full.json, as the other benchmark projects do.
// --interleaved <Class> <baseline method> <method>... [--rounds N]: alternating short blocks, robust to other load
// (benchmarks/LoadHarness/InterleavedRatios.cs); a second opinion beside BenchmarkDotNet, not a replacement.
if (args.Length > 1 && args[0] == "--interleaved")
{
    return LoadHarness.InterleavedRatios.Run(typeof(PeerMediator3Scoped.ScopedPeerSetup).Assembly, args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PeerMediator3Scoped.ScopedPeerSetup).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
return 0;
