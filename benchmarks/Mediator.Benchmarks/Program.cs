using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mediator.Benchmarks -- --filter '*SendBenchmarks*'
// ('*SendBenchmarks*' also matches PeerSendBenchmarks; 'MediatorBenchmarks.SendBenchmarks.*' selects SendBenchmarks alone.)
// Publish and streams: --filter 'MediatorBenchmarks.PublishBenchmarks.*' and --filter 'MediatorBenchmarks.StreamBenchmarks.*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
