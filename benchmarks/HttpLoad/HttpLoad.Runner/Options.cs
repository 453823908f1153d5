using System.Globalization;

namespace HttpLoad.Runner;

/// <summary>The runner's command line (see Program.cs).</summary>
public sealed record Options(string Mode, int? Rounds, double? Seconds, double Warmup, int Threads, int Connections, string? Out, string? Root, bool Pin, string[] Only)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        return new Options(
            Value("--mode") ?? throw new ArgumentException("--mode table|decision is required"),
            Value("--rounds") is { } rounds ? int.Parse(rounds, CultureInfo.InvariantCulture) : null,
            Value("--seconds") is { } seconds ? double.Parse(seconds, CultureInfo.InvariantCulture) : null,
            Value("--warmup") is { } warmup ? double.Parse(warmup, CultureInfo.InvariantCulture) : 2,
            Value("--threads") is { } threads ? int.Parse(threads, CultureInfo.InvariantCulture) : 2,
            Value("--connections") is { } connections ? int.Parse(connections, CultureInfo.InvariantCulture) : 100,
            Value("--out"),
            Value("--root"),
            // Servers on CPU 1, wrk on CPU 0: the two no longer trade cores mid-run, which is most of one run's spread in
            // server CPU per request when both share the two cores.
            Array.IndexOf(args, "--pin") >= 0,
            // Decision rounds for some rows only (the baseline and its A/A copy always run, so the session keeps its own
            // gate): re-deciding one row costs a third of a full session's machine time.
            Value("--only") is { } only ? only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
    }
}
