using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Peers.MartinothamarMediator -- --filter '*'
// ('*' runs the Send, Publish and stream classes; '*MartinothamarPublishBenchmarks*' etc. select one.)
BenchmarkSwitcher.FromAssembly(typeof(PeerMediator3.MartinothamarSendBenchmarks).Assembly).Run(args);
