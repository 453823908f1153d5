using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Composition/Composition.Benchmarks -- --filter '*'
// Send and Publish across modules (the host's mediator forwarding to a referenced module's) against within one module.
// --interleaved <Class> <baseline method> <method>... [--rounds N]: alternating short blocks, robust to other load
// (benchmarks/LoadHarness/InterleavedRatios.cs); a second opinion beside BenchmarkDotNet, not a replacement.
if (args.Length > 1 && args[0] == "--interleaved")
{
    return LoadHarness.InterleavedRatios.Run(typeof(Program).Assembly, args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
return 0;
