using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Generator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks.GeneratorCostBenchmarks).Assembly).Run(args);
