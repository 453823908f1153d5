using System.Text;

namespace LoadHarness;

/// <summary>
/// The seed's blocking middleware body: open a log file for append, write 1,000 lines, close it, synchronously.
/// One temp file per layer (the seed's five middlewares shared one; per layer keeps the layers from serializing on
/// one file's lock and is what five distinct loggers would do).
/// </summary>
public static class BlockingWork
{
    public const int Layers = 5;

    private static readonly byte[] ThousandLines = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("BlockingMiddleware\n", 1000)));

    private static readonly string[] Files = Enumerable.Range(1, Layers)
        .Select(layer => Path.Combine(Path.GetTempPath(), $"loadharness-{Environment.ProcessId}-layer{layer}.log"))
        .ToArray();

    /// <summary>Layer is 1-based, as the middlewares' Order.</summary>
    public static void Write(int layer)
    {
        // FileShare.ReadWrite: 100 concurrent requests append to the same layer's file at once, as the seed's did.
        using var stream = new FileStream(Files[layer - 1], FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        stream.Write(ThousandLines);
    }

    /// <summary>Empties the files between runs (outside the timed part), so a run writes gigabytes at most once.</summary>
    public static void Truncate()
    {
        foreach (var file in Files)
        {
            if (File.Exists(file))
            {
                using var stream = new FileStream(file, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite);
            }
        }
    }

    public static void Delete()
    {
        foreach (var file in Files)
        {
            File.Delete(file);
        }
    }
}
