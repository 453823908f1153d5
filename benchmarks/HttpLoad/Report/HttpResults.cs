using System.Text.Json;
using System.Text.Json.Serialization;

namespace HttpLoad;

/// <summary>One measured wrk run against one variant (times in milliseconds unless named otherwise).</summary>
public sealed record HttpRun(
    int Round,
    string Server,
    string Implementation,
    string Case,
    DateTime StartedUtc,
    long Requests,
    double DurationSeconds,
    double RequestsPerSecond,
    double LatencyMeanMs,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    long Errors,
    double ServerCpuSeconds,
    double ServerCpuMicrosecondsPerRequest,
    double LoadAverage1);

/// <summary>
/// A whole session of the runner: the seed's table (kind "table") or the decision rounds (kind "decision").
/// <see cref="Pinned"/>: the servers ran on CPU 1 and wrk on CPU 0 (<c>--pin</c>), instead of sharing both cores.
/// </summary>
public sealed record HttpReport(
    string Kind,
    DateTime StartedUtc,
    DateTime FinishedUtc,
    string Commit,
    string Machine,
    int Rounds,
    double SecondsPerRun,
    int Connections,
    int WrkThreads,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    List<HttpRun> Runs,
    bool Pinned = false);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpReport))]
public sealed partial class HttpReportJsonContext : JsonSerializerContext
{
    public static HttpReport Read(string path) => JsonSerializer.Deserialize(File.ReadAllText(path), Default.HttpReport)!;

    public static void Write(string path, HttpReport report)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(report, Default.HttpReport));
    }
}
