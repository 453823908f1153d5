using System.Collections.Concurrent;
using System.Security.Claims;
using Mediator;
using Mediator.BuiltIns;
using Mediator.Caching;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Caching;

/// <summary>A cached read whose handler answers for the current caller; the message itself names no caller.</summary>
public sealed record GetBalance(int Account);

/// <summary>The caller of the current async flow, as an ASP.NET Core accessor sees the request's user.</summary>
public sealed class AmbientCaller : ICallerAccessor
{
    private readonly AsyncLocal<ClaimsPrincipal?> _current = new();

    public ClaimsPrincipal? Caller
    {
        get => _current.Value;
        set => _current.Value = value;
    }
}

/// <summary>
/// Issue 21, item 2: a cache that is safe by default. Many callers (signed in, anonymous, and principals that are not
/// authenticated) send many keys at once, in an order drawn from a fixed seed; the handler answers for whoever it
/// sees as the caller, and no message carries [Authorize] (the app authorized at the endpoint). No answer may reach a
/// caller it was not made for, and each caller's partition loads each key exactly once (so the cache is really used).
/// </summary>
public sealed class CallerPartitionFuzzTests
{
    private const int Seed = 20_261_207;
    private const int Workers = 8;
    private const int SendsPerWorker = 2_500;
    private const int Keys = 25;

    /// <summary>40 signed-in users, then the anonymous callers: no principal, and one that is not authenticated.</summary>
    private static readonly ClaimsPrincipal?[] Callers = Enumerable.Range(0, 40)
        .Select(i => (ClaimsPrincipal?)new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-" + i)], authenticationType: "test")))
        .Append(null)
        .Append(new ClaimsPrincipal(new ClaimsIdentity()))
        .ToArray();

    private static string Partition(ClaimsPrincipal? caller) => caller?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "anonymous";

    [Fact]
    public async Task No_answer_crosses_callers_under_concurrent_random_sends()
    {
        var run = await RunAsync(shared: false);

        Assert.Empty(run.Crossed);
        // Every (partition, key) pair that was asked for was loaded once and then answered from the cache.
        Assert.Equal(run.PairsAsked.Count, run.Loads.Count);
        Assert.All(run.Loads, load => Assert.Equal(1, load.Value));
        Assert.True(run.PairsAsked.Count > 30 * Keys, "the seed should reach most callers and keys");
    }

    [Fact]
    public async Task Answers_declared_shared_are_loaded_once_per_key_for_every_caller()
    {
        var run = await RunAsync(shared: true);

        // The opt-in does what it says: one load per key, whoever asked first; the answer is then everyone's.
        Assert.Equal(Keys, run.Loads.Keys.Select(k => k.Key).Distinct().Count());
        Assert.Equal(Keys, run.Loads.Values.Sum());
    }

    private static async Task<RunResult> RunAsync(bool shared)
    {
        using var cache = new ResponseCache(new CachingOptions(), new FakeTimeProvider());
        var accessor = new AmbientCaller();
        var middleware = new CachingMiddleware<GetBalance, string>(new CacheAttribute { DurationSeconds = 600, SharedAcrossCallers = shared }, null, cache, accessor);
        var loads = new ConcurrentDictionary<(string Partition, int Key), int>();
        var asked = new ConcurrentDictionary<(string Partition, int Key), bool>();
        var crossed = new ConcurrentQueue<string>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WorkerAsync(int worker)
        {
            var random = new Random(Seed + worker);
            await start.Task;
            for (var i = 0; i < SendsPerWorker; i++)
            {
                var caller = Callers[random.Next(Callers.Length)];
                var key = random.Next(Keys);
                var yieldInLoad = random.Next(4) == 0;
                accessor.Caller = caller; // this flow's request user
                var next = new TestNext<GetBalance, string>(async (message, _) =>
                {
                    // The handler reads the current caller, as one injecting ICallerAccessor or IHttpContextAccessor does.
                    var partition = Partition(accessor.Caller);
                    loads.AddOrUpdate((partition, message.Account), 1, static (_, n) => n + 1);
                    if (yieldInLoad)
                    {
                        await Task.Yield(); // let other sends join this load while it is in flight
                    }

                    return partition + "/" + message.Account;
                });

                var answer = await middleware.InvokeAsync(new GetBalance(key), next, new MessageContext(typeof(GetBalance), default));
                asked[(Partition(caller), key)] = true;
                if (!shared && answer != Partition(caller) + "/" + key)
                {
                    crossed.Enqueue($"{Partition(caller)} asked for {key} and got {answer}");
                }
            }
        }

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkerAsync(w))).ToArray();
        start.SetResult();
        await Task.WhenAll(workers);
        return new RunResult(crossed.ToList(), loads, asked.Keys.ToList());
    }

    private sealed record RunResult(List<string> Crossed, ConcurrentDictionary<(string Partition, int Key), int> Loads, List<(string Partition, int Key)> PairsAsked);
}
