using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Peers.MartinothamarMediator -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(PeerMediator3.MartinothamarSendBenchmarks).Assembly).Run(args);
