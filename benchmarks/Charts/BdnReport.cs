using System.Text.Json;

namespace Charts;

/// <summary>One benchmark row of a BenchmarkDotNet full JSON report, reduced to what the charts and tables use.</summary>
public sealed record BdnRow(
    string Type,
    string Method,
    string Parameters,
    double MeanNs,
    double StdDevNs,
    double MedianNs,
    double? AllocatedBytes,
    double? FirstIterationMeanNs)
{
    /// <summary>The value of one [Params] (e.g. "Layers" in "Layers=5"), or null.</summary>
    public int? Param(string name)
    {
        foreach (var part in Parameters.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == name && int.TryParse(pair[1], out var value))
            {
                return value;
            }
        }

        return null;
    }
}

public static class BdnReport
{
    /// <summary>Every row of every *-report-full.json below the folder (BenchmarkDotNet's JsonExporter.Full output).</summary>
    public static IReadOnlyList<BdnRow> ReadAll(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*-report-full.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(Read)
            .ToArray();
    }

    private static IEnumerable<BdnRow> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var rows = new List<BdnRow>();
        foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            if (!benchmark.TryGetProperty("Statistics", out var statistics) || statistics.ValueKind != JsonValueKind.Object)
            {
                continue; // a benchmark that failed has no statistics
            }

            double? allocated = benchmark.TryGetProperty("Memory", out var memory) && memory.ValueKind == JsonValueKind.Object
                && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes) && bytes.ValueKind == JsonValueKind.Number
                ? bytes.GetDouble()
                : null;
            rows.Add(new BdnRow(
                benchmark.GetProperty("Type").GetString()!,
                benchmark.GetProperty("Method").GetString()!,
                benchmark.TryGetProperty("Parameters", out var parameters) ? parameters.GetString() ?? "" : "",
                statistics.GetProperty("Mean").GetDouble(),
                statistics.GetProperty("StandardDeviation").GetDouble(),
                statistics.GetProperty("Median").GetDouble(),
                allocated,
                FirstIterationMean(benchmark)));
        }

        return rows;
    }

    /// <summary>For cold-start runs: the mean over launches of each launch's first measured iteration (the one that
    /// also pays JIT), per operation.</summary>
    private static double? FirstIterationMean(JsonElement benchmark)
    {
        if (!benchmark.TryGetProperty("Measurements", out var measurements) || measurements.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var firsts = measurements.EnumerateArray()
            .Where(m => m.GetProperty("IterationMode").GetString() == "Workload"
                && m.GetProperty("IterationStage").GetString() == "Actual"
                && m.GetProperty("IterationIndex").GetInt32() == 1)
            .Select(m => m.GetProperty("Nanoseconds").GetDouble() / m.GetProperty("Operations").GetInt64())
            .ToArray();
        return firsts.Length > 0 ? firsts.Average() : null;
    }
}
