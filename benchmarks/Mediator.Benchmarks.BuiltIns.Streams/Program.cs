using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mediator.Benchmarks.BuiltIns.Streams -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
