using System.Diagnostics;
using System.Globalization;

namespace HttpLoad.Runner;

/// <summary>
/// One server executable, started by <c>dotnet &lt;dll&gt;</c>: its address (read from the line it prints once it
/// listens), its pid, and its CPU time from /proc. Disposing closes its standard input, which stops it.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(string name, Process process, Uri address)
    {
        Name = name;
        _process = process;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <param name="name">The server's name in the reports.</param>
    /// <param name="dll">The server's built assembly.</param>
    /// <param name="cpus">A <c>taskset -c</c> CPU list to pin the server to, or null to let it run on any core.</param>
    public static ServerProcess Start(string name, string dll, string? cpus = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the servers in Release first (benchmarks/http/run.sh does).", dll);
        }

        var start = CpuPinning.StartInfo("dotnet", [dll], cpus);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"{name} server did not report its address (first line: '{line}')");
        }

        return new ServerProcess(name, process, new Uri(line.Split(' ')[1]));
    }

    /// <summary>User + system CPU time of the whole process (every thread), from /proc/&lt;pid&gt;/stat.</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command name (which is in parentheses and may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / ClockTicksPerSecond;
    }

    // sysconf(_SC_CLK_TCK): 100 on every Linux the runner targets (getconf CLK_TCK).
    private const double ClockTicksPerSecond = 100.0;

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
