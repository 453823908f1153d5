using System.Runtime.CompilerServices;
using System.Text;

namespace Mediator.SourceGenerator.Tests.Infrastructure;

/// <summary>
/// Compares text with a committed <c>Snapshots/&lt;name&gt;.verified.cs</c>. On a difference it writes
/// <c>&lt;name&gt;.received.cs</c> beside it (never committed) and fails with the first differing line.
/// Run with <c>MEDIATOR_ACCEPT_SNAPSHOTS=1</c> to accept the received text as the new verified one.
/// </summary>
internal static class Snapshot
{
    /// <summary><c>MEDIATOR_ACCEPT_SNAPSHOTS=1</c>: received texts become the verified ones (the corpus's <c>expected.txt</c> too).</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable("MEDIATOR_ACCEPT_SNAPSHOTS") == "1";

    public static void Verify(string name, GeneratorRun run, [CallerFilePath] string callerPath = "")
    {
        var text = new StringBuilder();
        foreach (var (hintName, source) in run.GeneratedSources)
        {
            text.Append("//----- ").Append(hintName).Append(" -----\n");
            text.Append(source.Replace("\r\n", "\n")).Append('\n');
        }

        Verify(name, text.ToString(), callerPath);
    }

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");

        if (Accepting)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot '{verified}'. Inspect '{received}' and run with MEDIATOR_ACCEPT_SNAPSHOTS=1 to accept it."
            : $"Snapshot '{name}' differs. {FirstDifference(expected, actual)} Compare '{received}' with '{verified}'; run with MEDIATOR_ACCEPT_SNAPSHOTS=1 to accept.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end of file>";
            var r = i < right.Length ? right[i] : "<end of file>";
            if (l != r)
            {
                return $"Line {i + 1}: expected `{l.Trim()}` but got `{r.Trim()}`.";
            }
        }

        return string.Empty;
    }

    private static string FindProjectDirectory(string callerPath)
    {
        for (var directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No project directory above '{callerPath}'.");
    }
}
