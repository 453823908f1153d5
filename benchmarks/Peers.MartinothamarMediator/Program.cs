using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Peers.MartinothamarMediator -- --filter '*'
// ('*' runs every class here; '*MartinothamarPublishBenchmarks*' etc. select one.)
// The full JSON exporter writes <artifacts>/results/*-report-full.json, which benchmarks/Charts reads.
// --interleaved <Class> <baseline method> <method>... [--rounds N]: alternating short blocks, robust to other load
// (benchmarks/LoadHarness/InterleavedRatios.cs); a second opinion beside BenchmarkDotNet, not a replacement.
if (args.Length > 1 && args[0] == "--interleaved")
{
    return LoadHarness.InterleavedRatios.Run(typeof(PeerMediator3.MartinothamarSendBenchmarks).Assembly, args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PeerMediator3.MartinothamarSendBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
return 0;
