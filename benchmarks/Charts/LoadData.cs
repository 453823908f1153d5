using System.Text.Json;
using LoadHarness;

namespace Charts;

/// <summary>The load harness's reports (benchmarks/results/load-*.json), one per executable.</summary>
public sealed class LoadData(IReadOnlyList<LoadReport> reports)
{
    /// <summary>Columns of the seed table, left to right.</summary>
    public static readonly string[] Columns =
    [
        Implementations.HandWritten, Implementations.OursGenerated, Implementations.OursDelegateChain,
        Implementations.Martinothamar, Implementations.MediatR,
    ];

    public IReadOnlyList<LoadReport> Reports => reports;

    public bool IsEmpty => reports.Count == 0;

    public static LoadData Read(string folder)
    {
        var reports = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "load-*.json").Order(StringComparer.Ordinal)
                .Select(path => JsonSerializer.Deserialize(File.ReadAllText(path), LoadReportJsonContext.Default.LoadReport)!)
                .ToArray()
            : [];
        return new LoadData(reports);
    }

    /// <summary>A cell of the table. The hand-written column comes from the "ours" executable, the one that also runs
    /// ours and MediatR; the martinothamar executable's hand-written rows are its own anchor (see <see cref="InHarness"/>).</summary>
    public CaseResult? Get(string implementation, string @case)
    {
        var harness = implementation == Implementations.Martinothamar ? "martinothamar" : "ours";
        return InHarness(harness, implementation, @case);
    }

    public CaseResult? InHarness(string harness, string implementation, string @case)
        => reports.Where(r => r.Harness == harness)
            .SelectMany(r => r.Results)
            .FirstOrDefault(r => r.Implementation == implementation && r.Case == @case);

    public static string HarnessOf(string implementation) => implementation == Implementations.Martinothamar ? "martinothamar" : "ours";
}
