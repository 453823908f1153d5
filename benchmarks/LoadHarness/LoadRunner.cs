using System.Diagnostics;

namespace LoadHarness;

/// <summary>One row of the seed's table for one implementation: how to send one request.</summary>
public sealed record LoadTarget(string Implementation, string Case, Func<ValueTask<byte[]>> Send);

/// <summary>
/// The in-process analogue of <c>ab -c 100 -n N</c>: 100 async loops, each sending its share of N requests one after
/// another, all started together; requests per second is N over the wall time until the last loop ends.
/// </summary>
public sealed class LoadRunner(LoadSettings settings)
{
    private int _sink;

    public CaseResult Run(LoadTarget target)
    {
        Verify(target);
        var requests = Calibrate(target);
        var runs = new List<RunResult>();
        const int attempts = 4;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            runs.Clear();
            for (var i = 0; i < settings.Runs; i++)
            {
                runs.Add(TimedRun(target, requests));
            }

            // The calibration guessed N from a shorter run, and on a shared machine the rate moves between runs; if a
            // measured run still fell short of the minimum, scale N up from the shortest run and measure the five
            // runs again (a few times at most; the report keeps every run's duration, and the tables flag short ones).
            var shortest = runs.Min(r => r.Seconds);
            if (shortest >= settings.MinRunSeconds || attempt == attempts - 1)
            {
                break;
            }

            requests = RoundUp(requests * settings.MinRunSeconds * 1.1 / shortest);
        }

        var result = CaseResult.From(target.Implementation, target.Case, settings.Concurrency, requests, runs);
        Console.WriteLine($"  {target.Implementation,-22} {target.Case,-11} {result.MeanRps,14:N0} req/s  ± {result.StdDevRps,10:N0}  (min {result.MinRps:N0}, max {result.MaxRps:N0}, N = {requests:N0}, {runs.Average(r => r.Seconds):F2} s/run)");
        return result;
    }

    /// <summary>One request, checked: a broken pipeline must not show up as a fast one.</summary>
    private static void Verify(LoadTarget target)
    {
        var body = target.Send().AsTask().GetAwaiter().GetResult();
        var expected = HelloWorldResponse.Serialize();
        if (!body.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidOperationException($"{target.Implementation}/{target.Case} returned {System.Text.Encoding.UTF8.GetString(body)}");
        }
    }

    /// <summary>Warm-up: doubling runs until one lasts a quarter of the minimum run time; their rate sizes N.</summary>
    private int Calibrate(LoadTarget target)
    {
        var requests = settings.Concurrency;
        while (true)
        {
            var run = TimedRun(target, requests);
            if (run.Seconds >= settings.MinRunSeconds / 4)
            {
                return RoundUp(run.Rps * settings.MinRunSeconds * 1.1);
            }

            requests *= 2;
        }
    }

    private int RoundUp(double requests)
    {
        var loops = (int)Math.Ceiling(requests / settings.Concurrency);
        return Math.Max(1, loops) * settings.Concurrency;
    }

    private RunResult TimedRun(LoadTarget target, int requests)
    {
        var perLoop = requests / settings.Concurrency;
        var loops = new Task[settings.Concurrency];
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = Task.Run(() => Loop(target.Send, perLoop));
        }

        Task.WaitAll(loops);
        stopwatch.Stop();
        BlockingWork.Truncate();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new RunResult(requests, seconds, requests / seconds);
    }

    private async Task Loop(Func<ValueTask<byte[]>> send, int count)
    {
        var sink = 0;
        for (var i = 0; i < count; i++)
        {
            sink += (await send()).Length;
        }

        // Keeps the response observable, so no layer of the call can be optimized away.
        Interlocked.Add(ref _sink, sink);
    }
}
