using System.Diagnostics;
using System.Text.Json;

namespace HttpLoad.Runner;

/// <summary>What wrk's done() hook (benchmarks/HttpLoad/report.lua) prints, in microseconds.</summary>
public sealed record WrkSummary(
    long Requests,
    long DurationUs,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long StatusErrors,
    long Timeouts,
    double LatencyMeanUs,
    double P50Us,
    double P90Us,
    double P99Us,
    double MaxUs)
{
    public long Errors => ConnectErrors + ReadErrors + WriteErrors + StatusErrors + Timeouts;
}

/// <summary>Runs wrk once and reads the JSON line its Lua hook prints.</summary>
public sealed class Wrk(string script, int threads, int connections, string? cpus = null)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public int Threads => threads;

    public int Connections => connections;

    public WrkSummary Run(Uri url, double seconds)
    {
        string[] arguments = [
            $"-t{threads}", $"-c{connections}", $"-d{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}s",
            "--timeout", "5s", "-s", script, url.ToString(),
        ];
        var start = CpuPinning.StartInfo("wrk", arguments, cpus);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start wrk (apt-get install -y wrk)");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRKJSON ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no summary for {url}:\n{output}\n{error}");
        return JsonSerializer.Deserialize<WrkSummary>(line["WRKJSON ".Length..], Options)!;
    }
}
