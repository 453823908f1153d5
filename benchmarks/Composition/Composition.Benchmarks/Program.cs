using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Composition/Composition.Benchmarks -- --filter '*'
// Send and Publish across modules (the host's mediator forwarding to a referenced module's) against within one module.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
