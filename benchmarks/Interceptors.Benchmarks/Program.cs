using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Interceptors.Benchmarks -- --filter '*'
// Fails before measuring if the calls it measures as intercepted are not (a benchmark of nothing would compare nothing).
InterceptorBenchmarks.BindingCheck.ThrowUnlessBound();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
