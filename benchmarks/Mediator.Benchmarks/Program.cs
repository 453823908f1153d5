using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mediator.Benchmarks -- --filter '*SendBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(MediatorBenchmarks.SendBenchmarks).Assembly).Run(args);
