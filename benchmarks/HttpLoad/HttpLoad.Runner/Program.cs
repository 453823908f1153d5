using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using HttpLoad;
using HttpLoad.Runner;
using LoadHarness;

// The seed's table over real HTTP (issue 21, item 5) and the decision rounds of its "Figures" section.
//   dotnet run -c Release --project benchmarks/HttpLoad/HttpLoad.Runner -- --mode table    [--rounds 5]  [--seconds 3]
//   dotnet run -c Release --project benchmarks/HttpLoad/HttpLoad.Runner -- --mode decision [--rounds 20] [--seconds 10]
// Options: --warmup <s> (2), --threads <wrk threads> (2), --connections <n> (100), --out <json>, --root <repository>,
// --pin (servers on CPU 1, wrk on CPU 0), --only <implementation,...> (decision: those rows beside the baseline and its A/A copy).
// The servers must be built in Release first (benchmarks/http/run.sh builds everything and draws the charts).

var options = Options.Parse(args);
var root = options.Root ?? FindRoot(Directory.GetCurrentDirectory());
var kind = options.Mode;
(string Server, string Implementation, string Case)[] variants = kind switch
{
    "table" =>
    [
        .. HttpSummary.TableColumns.SelectMany(i => LoadCases.All.Select(c => (ServerOf(i), i, c))),
        (HttpServers.Ours, HttpImplementations.DirectCopy, LoadCases.Baseline),
        (HttpServers.Martinothamar, HttpImplementations.DirectInMartinothamarServer, LoadCases.Baseline),
    ],
    "decision" =>
    [
        (HttpServers.Ours, HttpImplementations.Direct, LoadCases.Baseline),
        .. HttpTables.DecisionVariants
            .Where(v => options.Only.Length == 0 || v.Implementation == HttpImplementations.DirectCopy || options.Only.Contains(v.Implementation))
            .Select(v => (HttpServers.Ours, v.Implementation, v.Case)),
    ],
    _ => throw new ArgumentException($"--mode must be table or decision, not '{kind}'"),
};
if (kind == "decision" && options.Only.FirstOrDefault(o => !HttpTables.DecisionVariants.Any(v => v.Implementation == o)) is { } unknown)
{
    throw new ArgumentException($"--only: '{unknown}' is not a decision variant; the variants are {string.Join(", ", HttpTables.DecisionVariants.Select(v => v.Implementation))}");
}

var rounds = options.Rounds ?? (kind == "table" ? 5 : 20);
var seconds = options.Seconds ?? (kind == "table" ? 3 : 10);
var output = options.Out ?? Path.Combine(root, "benchmarks", "results", "http", $"{kind}.json");
var wrk = new Wrk(Path.Combine(root, "benchmarks", "HttpLoad", "report.lua"), options.Threads, options.Connections, options.Pin ? "0" : null);

var servers = new Dictionary<string, ServerProcess>();
try
{
    foreach (var name in variants.Select(v => v.Server).Distinct())
    {
        var project = name == HttpServers.Ours ? "HttpLoad.Server.Ours" : "HttpLoad.Server.Martinothamar";
        servers[name] = ServerProcess.Start(name, Path.Combine(root, "benchmarks", "HttpLoad", project, "bin", "Release", "net10.0", project + ".dll"), options.Pin ? "1" : null);
        Console.WriteLine($"{name} server: {servers[name].Address} pid {servers[name].Pid}");
    }

    using var http = new HttpClient();
    await RouteCheck.EveryVariantAnswers(http, variants.Select(v => new Uri(servers[v.Server].Address, HttpRoutes.Path(v.Implementation, v.Case))));
    if (variants.Any(v => v.Implementation == HttpImplementations.ProblemDetailsIdle))
    {
        await RouteCheck.ProblemDetailsHandlerIsLive(http, new Uri(servers[HttpServers.Ours].Address, HttpRoutes.ProblemDetailsProbe));
    }

    Console.WriteLine($"warming up every variant for {options.Warmup} s");
    foreach (var (server, implementation, @case) in variants)
    {
        await Truncate(http, servers[server]);
        wrk.Run(new Uri(servers[server].Address, HttpRoutes.Path(implementation, @case)), options.Warmup);
    }

    var started = DateTime.UtcNow;
    var loadAtStart = LoadAverage();
    var runs = new List<HttpRun>();
    for (var round = 1; round <= rounds; round++)
    {
        // A fresh order each round (fixed seeds, so a rerun repeats it): drift in the machine's load spreads over every
        // variant instead of always hitting the same position.
        var order = variants.ToArray();
        new Random(round * 7919).Shuffle(order);
        foreach (var (server, implementation, @case) in order)
        {
            var process = servers[server];
            if (@case == LoadCases.Blocking5)
            {
                await Truncate(http, process);
            }

            var when = DateTime.UtcNow;
            var cpuBefore = process.CpuSeconds();
            var summary = wrk.Run(new Uri(process.Address, HttpRoutes.Path(implementation, @case)), seconds);
            var cpu = process.CpuSeconds() - cpuBefore;
            var duration = summary.DurationUs / 1e6;
            var run = new HttpRun(round, server, implementation, @case, when, summary.Requests, duration, summary.Requests / duration,
                summary.LatencyMeanUs / 1000, summary.P50Us / 1000, summary.P90Us / 1000, summary.P99Us / 1000, summary.MaxUs / 1000,
                summary.Errors, cpu, summary.Requests == 0 ? double.NaN : cpu / summary.Requests * 1e6, LoadAverage1());
            runs.Add(run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round,2}  {implementation,-28} {@case,-11} {run.RequestsPerSecond,10:N0} req/s  p50 {run.P50Ms,7:0.00} ms  p99 {run.P99Ms,7:0.00} ms  cpu {run.ServerCpuMicrosecondsPerRequest,8:0.00} µs/req  errors {run.Errors}  load {run.LoadAverage1:0.00}"));
        }

        // Written after every round: a session cut short still leaves its whole rounds behind.
        var report = new HttpReport(kind, started, DateTime.UtcNow, Commit(root), Machine(), round, seconds, wrk.Connections, wrk.Threads, loadAtStart, LoadAverage(), runs, options.Pin);
        HttpReportJsonContext.Write(output, report);
    }

    var final = HttpReportJsonContext.Read(output);
    Console.WriteLine();
    if (kind == "table")
    {
        Console.WriteLine(HttpTables.SeedTable(final));
        Console.WriteLine(HttpTables.DetailTable(final));
    }
    else
    {
        Console.WriteLine(HttpTables.Decision(final));
        Console.WriteLine(HttpTables.DetailTable(final));
    }

    Console.WriteLine($"wrote {output}");
    return 0;
}
finally
{
    foreach (var server in servers.Values)
    {
        server.Dispose();
    }
}

static string ServerOf(string implementation) => implementation == HttpImplementations.Martinothamar ? HttpServers.Martinothamar : HttpServers.Ours;

static async Task Truncate(HttpClient http, ServerProcess server)
    => (await http.PostAsync(new Uri(server.Address, HttpRoutes.Truncate), null)).EnsureSuccessStatusCode();

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static double LoadAverage1() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

static string Machine()
{
    var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    return $"{model}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.FrameworkDescription}";
}

static string Commit(string root)
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true })!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return commit;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}

static string FindRoot(string from)
{
    for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Mediator.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Mediator.sln not found above the current directory; pass --root.");
}
