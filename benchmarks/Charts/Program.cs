using Charts;

// Reads benchmarks/results (load-*.json from the load harnesses, http/*.json from benchmarks/HttpLoad, bdn/**/*-report-full.json from BenchmarkDotNet,
// machine.md from run-all.sh), writes docs/images/*.svg and splices the tables into docs/benchmarks.md.
// dotnet run --project benchmarks/Charts [-- <repository root>]

var root = args.Length > 0 ? Path.GetFullPath(args[0]) : FindRoot(Directory.GetCurrentDirectory());
var results = Path.Combine(root, "benchmarks", "results");
var images = Path.Combine(root, "docs", "images");
var docPath = Path.Combine(root, "docs", "benchmarks.md");

var load = LoadData.Read(results);
var http = HttpData.Read(results);
var rows = BdnReport.ReadAll(Path.Combine(results, "bdn"));
Console.WriteLine($"{load.Reports.Count} load report(s), {rows.Count} BenchmarkDotNet row(s)");

LoadChart.Write(load, Path.Combine(images, "load-table.svg"));
LayerChart.Write(rows, Path.Combine(images, "send-layers.svg"));
if (http.Table is { } httpTable)
{
    HttpCharts.WriteTable(httpTable, Path.Combine(images, "http-table.svg"));
}

if (http.Decision is { } httpDecision)
{
    HttpCharts.WriteDecision(httpDecision, Path.Combine(images, "http-decision.svg"));
}

var doc = File.ReadAllText(docPath);
var machine = Path.Combine(results, "machine.md");
if (File.Exists(machine))
{
    doc = DocSplicer.Splice(doc, "machine", File.ReadAllText(machine));
}

if (!load.IsEmpty)
{
    doc = DocSplicer.Splice(doc, "load-table", Tables.LoadTable(load));
    doc = DocSplicer.Splice(doc, "load-figures", Tables.LoadFigures(load));
}

if (http.Table is { } table)
{
    doc = DocSplicer.Splice(doc, "http-table", HttpLoad.HttpTables.SeedTable(table));
    doc = DocSplicer.Splice(doc, "http-detail", HttpLoad.HttpTables.DetailTable(table));
}

if (http.Decision is { } decision)
{
    doc = DocSplicer.Splice(doc, "http-decision", HttpLoad.HttpTables.Decision(decision));
    doc = DocSplicer.Splice(doc, "http-decision-detail", HttpLoad.HttpTables.DetailTable(decision));
}

doc = DocSplicer.Splice(doc, "http-budget", HttpBudget.Table(rows, http));
doc = DocSplicer.Splice(doc, "layers-table", Tables.LayerTable(rows));
doc = DocSplicer.Splice(doc, "publish-one-table", Tables.RatioTable(rows, ["PublishOneHandlerBenchmarks", "MartinothamarPublishOneHandlerBenchmarks"], "ns"));
doc = DocSplicer.Splice(doc, "send-table", Tables.RatioTable(rows, ["SendBenchmarks", "PeerSendBenchmarks", "MartinothamarSendBenchmarks"], "ns", "HandWritten5"));
doc = DocSplicer.Splice(doc, "publish-table", Tables.RatioTable(rows, ["PublishBenchmarks", "MartinothamarPublishBenchmarks"], "ns"));
doc = DocSplicer.Splice(doc, "stream-table", Tables.RatioTable(rows, ["StreamBenchmarks", "MartinothamarStreamBenchmarks"], "ns"));
doc = DocSplicer.Splice(doc, "scoped-send-table", Tables.RatioTable(rows, ["ScopedSendPerOperationBenchmarks", "MartinothamarScopedSendPerOperationBenchmarks", "ScopedSendOpenScopeBenchmarks", "MartinothamarScopedSendOpenScopeBenchmarks"], "ns"));
doc = DocSplicer.Splice(doc, "cold-start-table", Tables.RatioTable(rows, ["ColdStartBenchmarks", "MartinothamarColdStartBenchmarks"], "µs"));
File.WriteAllText(docPath, doc);
Console.WriteLine($"Spliced tables into {docPath}");
return 0;

static string FindRoot(string from)
{
    for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Mediator.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Mediator.sln not found above the current directory; pass the repository root.");
}
