using System.Diagnostics;

namespace HttpLoad.Runner;

/// <summary>
/// Starts a process on the given CPUs only (<c>--pin</c>): <c>taskset -c</c> execs the program, so the process keeps the
/// PID the runner reads its CPU time from.
/// </summary>
public static class CpuPinning
{
    /// <param name="program">The program to run.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="cpus">A <c>taskset -c</c> CPU list, or null to let it run on any core.</param>
    public static ProcessStartInfo StartInfo(string program, string[] arguments, string? cpus)
        => cpus is null ? new ProcessStartInfo(program, arguments) : new ProcessStartInfo("taskset", ["-c", cpus, program, .. arguments]);
}
