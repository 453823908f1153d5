using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoadHarness;

/// <summary>Concurrency 100 as in the seed's <c>ab -c 100</c>; five runs as the seed averaged five.</summary>
public sealed record LoadSettings(int Concurrency = 100, int Runs = 5, double MinRunSeconds = 1.0);

public sealed record RunResult(int Requests, double Seconds, double Rps);

public sealed record CaseResult(
    string Implementation,
    string Case,
    int Concurrency,
    int RequestsPerRun,
    double MeanRps,
    double StdDevRps,
    double MinRps,
    double MaxRps,
    IReadOnlyList<RunResult> Runs)
{
    public static CaseResult From(string implementation, string @case, int concurrency, int requests, IReadOnlyList<RunResult> runs)
    {
        var rates = runs.Select(r => r.Rps).ToArray();
        var mean = rates.Average();
        // Sample standard deviation over the runs.
        var stdDev = rates.Length > 1 ? Math.Sqrt(rates.Sum(r => (r - mean) * (r - mean)) / (rates.Length - 1)) : 0;
        return new CaseResult(implementation, @case, concurrency, requests, mean, stdDev, rates.Min(), rates.Max(), runs.ToArray());
    }
}

public sealed record MachineInfo(string Os, string Runtime, string Architecture, int ProcessorCount)
{
    public static MachineInfo Current() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount);
}

/// <summary>What one harness executable writes: benchmarks/results/load-&lt;harness&gt;.json, read by benchmarks/Charts.</summary>
public sealed record LoadReport(string Harness, DateTimeOffset StartedUtc, DateTimeOffset FinishedUtc, MachineInfo Machine, LoadSettings Settings, IReadOnlyList<CaseResult> Results)
{
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, LoadReportJsonContext.Default.LoadReport));
        Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadReport))]
public sealed partial class LoadReportJsonContext : JsonSerializerContext;
