using System.Diagnostics;
using System.Reflection;

namespace LoadHarness;

/// <summary>
/// A second opinion for a shared, noisy machine: runs a benchmark class's methods in short alternating blocks (about
/// 20 ms each, in a shuffled order every round) so that load from other processes falls on every method alike, and
/// prints each method's median ns/op and its ratio to the first. BenchmarkDotNet runs one method after another, so a
/// build starting halfway through a run moves its ratios; this does not. It is not a replacement: no memory
/// diagnoser, no outlier analysis, one process.
/// <code>dotnet run -c Release --project benchmarks/Mediator.Benchmarks -- --interleaved PublishBenchmarks HandWritten Generated [--rounds 40] [--cpu]</code>
/// </summary>
public static class InterleavedRatios
{
    public static int Run(Assembly assembly, string[] args)
    {
        var names = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(40);
        // --cpu: time each block by this thread's CPU time (Linux) instead of the wall clock, so that the time
        // the thread waits for a core while other processes run is not counted (their cache traffic still is).
        var cpuTime = args.Contains("--cpu");
        var type = assembly.GetTypes().Single(t => t.Name == args[0]);
        var instance = Activator.CreateInstance(type)!;
        Invoke(type, instance, "GlobalSetupAttribute");
        var calls = names.Select(n => Call(type.GetMethod(n) ?? throw new ArgumentException($"{type.Name} has no method {n}"), instance)).ToArray();

        // Warm-up long enough for tiered compilation to settle on its final code.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 3000)
        {
            foreach (var call in calls)
            {
                call(1000);
            }
        }

        var blockSizes = calls.Select(call =>
        {
            var timer = Stopwatch.StartNew();
            call(10_000);
            return Math.Max(1000L, (long)(10_000 * 20 / timer.Elapsed.TotalMilliseconds));
        }).ToArray();
        var samples = names.Select(_ => new List<double>()).ToArray();
        var random = new Random(1);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var i in Enumerable.Range(0, calls.Length).OrderBy(_ => random.Next()))
            {
                var started = Nanoseconds(cpuTime);
                calls[i](blockSizes[i]);
                samples[i].Add((Nanoseconds(cpuTime) - started) / blockSizes[i]);
            }
        }

        Invoke(type, instance, "GlobalCleanupAttribute");
        var baseline = Quantile(samples[0], 0.5);
        Console.WriteLine($"{type.Name}: {rounds} rounds of ~20 ms blocks per method, {(cpuTime ? "thread CPU time" : "wall clock")}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        for (var i = 0; i < names.Count; i++)
        {
            var median = Quantile(samples[i], 0.5);
            Console.WriteLine($"{names[i],-24} {median,9:F1} ns  ratio {median / baseline:F3}  (p25 {Quantile(samples[i], 0.25):F1}, p75 {Quantile(samples[i], 0.75):F1})");
        }

        return 0;
    }

    /// <summary>
    /// The wall clock, or the time this thread has spent on a CPU: clock_gettime(CLOCK_THREAD_CPUTIME_ID), which counts
    /// to the nanosecond (/proc/thread-self/schedstat only moves at scheduler ticks).
    /// </summary>
    private static double Nanoseconds(bool cpuTime)
    {
        if (!cpuTime)
        {
            return Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);
        }

        return ClockGetTime(ThreadCpuTimeClock, out var time) == 0
            ? time.Seconds * 1e9 + time.Nanoseconds
            : throw new PlatformNotSupportedException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: --cpu needs Linux.");
    }

    private const int ThreadCpuTimeClock = 3;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static double Quantile(List<double> values, double q) => values.Order().ElementAt((int)(q * (values.Count - 1)));

    private static void Invoke(Type type, object instance, string attribute)
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttributes().Any(a => a.GetType().Name == attribute)))
        {
            method.Invoke(instance, null);
        }
    }

    // Every benchmark method here completes synchronously, so GetResult never blocks.
    private static Action<long> Call(MethodInfo method, object target)
    {
        if (method.ReturnType == typeof(ValueTask))
        {
            var f = method.CreateDelegate<Func<ValueTask>>(target);
            return n => { for (var j = 0L; j < n; j++) f().GetAwaiter().GetResult(); };
        }

        if (method.ReturnType == typeof(ValueTask<int>))
        {
            var f = method.CreateDelegate<Func<ValueTask<int>>>(target);
            return n => { for (var j = 0L; j < n; j++) f().GetAwaiter().GetResult(); };
        }

        if (method.ReturnType == typeof(ValueTask<object?>))
        {
            var f = method.CreateDelegate<Func<ValueTask<object?>>>(target);
            return n => { for (var j = 0L; j < n; j++) f().GetAwaiter().GetResult(); };
        }

        if (method.ReturnType == typeof(ValueTask<string>))
        {
            var f = method.CreateDelegate<Func<ValueTask<string>>>(target);
            return n => { for (var j = 0L; j < n; j++) f().GetAwaiter().GetResult(); };
        }

        if (method.ReturnType == typeof(Task<int>))
        {
            var f = method.CreateDelegate<Func<Task<int>>>(target);
            return n => { for (var j = 0L; j < n; j++) f().GetAwaiter().GetResult(); };
        }

        if (method.ReturnType == typeof(Task))
        {
            var f = method.CreateDelegate<Func<Task>>(target);
            return n => { for (var j = 0L; j < n; j++) f().GetAwaiter().GetResult(); };
        }

        throw new NotSupportedException($"{method.Name} returns {method.ReturnType}; expected ValueTask, ValueTask<int>, ValueTask<object?>, ValueTask<string>, Task or Task<int>.");
    }
}
