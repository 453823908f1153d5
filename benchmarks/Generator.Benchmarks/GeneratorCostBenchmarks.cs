using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;

namespace GeneratorBenchmarks;

/// <summary>
/// What each generator costs on the same 1,000-request project (<see cref="SyntheticProject"/>, written once per
/// mediator): the first run, and a re-run after the two edits an IDE sees all day (a change inside a method body; a new
/// handler). Ours and martinothamar/Mediator's run side by side; in each category the peer is the baseline, so the
/// Ratio column is ours / theirs.
/// </summary>
/// <remarks>
/// Every iteration gets a new compilation, derived from the one the warm driver last saw (as an IDE derives it), so the
/// semantic work a generator asks Roslyn for is paid as after a real keystroke. A fresh compilation has no bound
/// declarations yet: the first generator that asks about a symbol pays for binding the declarations it needs, work the
/// compiler has to do anyway for that compilation. The "bound" categories call <c>GetDeclarationDiagnostics()</c> in
/// the iteration setup (not timed), so what they time is the generator's own addition on top of the compiler's work.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 40)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorCostBenchmarks
{
    private const string FirstRun = "1 first run";
    private const string FirstRunBound = "2 first run, declarations bound";
    private const string Edit = "3 method-body edit";
    private const string EditBound = "4 method-body edit, declarations bound";
    private const string Add = "5 handler added";
    private const string AddBound = "6 handler added, declarations bound";

    private const int Requests = 1000;

    private GeneratorSubject _subject = null!;
    private Compilation _warmCompilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private Compilation _compilation = null!;
    private int _edit;

    [GlobalSetup(Targets = new[] { nameof(OursFirstRun), nameof(OursFirstRunBound), nameof(OursEdit), nameof(OursEditBound), nameof(OursAdd), nameof(OursAddBound) })]
    public void SetupOurs() => Setup(GeneratorSubject.Ours(Requests));

    [GlobalSetup(Targets = new[] { nameof(PeerFirstRun), nameof(PeerFirstRunBound), nameof(PeerEdit), nameof(PeerEditBound), nameof(PeerAdd), nameof(PeerAddBound) })]
    public void SetupPeer() => Setup(GeneratorSubject.Martinothamar(Requests));

    /// <summary>
    /// <see cref="FloorGenerator"/> with the hint names ours writes for this project: what Roslyn's driver charges any
    /// generator for keeping that many generated files cached, with nothing else to do.
    /// </summary>
    [GlobalSetup(Targets = new[] { nameof(FloorEdit), nameof(FloorEditBound) })]
    public void SetupFloor()
    {
        _subject = GeneratorSubject.Ours(Requests);
        _warmCompilation = _subject.NewCompilation();
        var hintNames = _subject.NewDriver().RunGenerators(_warmCompilation).GetRunResult().Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        _warmDriver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new FloorGenerator(hintNames)).RunGenerators(_warmCompilation);
        if (_warmDriver.GetRunResult().GeneratedTrees.Length != hintNames.Count)
        {
            throw new InvalidOperationException("The floor generator did not write one file per file of ours.");
        }
    }

    private void Setup(GeneratorSubject subject)
    {
        _subject = subject;
        _warmCompilation = subject.NewCompilation();
        _warmDriver = subject.NewDriver().RunGenerators(_warmCompilation);
        subject.Verify(_warmDriver, _warmCompilation);
        subject.Verify(_warmDriver, subject.AddHandler(_warmCompilation), withAddedHandler: true);
    }

    [IterationSetup(Targets = new[] { nameof(OursFirstRun), nameof(PeerFirstRun) })]
    public void NewCompilation() => Use(_subject.NewCompilation(), bind: false);

    [IterationSetup(Targets = new[] { nameof(OursFirstRunBound), nameof(PeerFirstRunBound) })]
    public void NewCompilationBound() => Use(_subject.NewCompilation(), bind: true);

    // A different body each time, so no layer can recognise the text from a previous iteration.
    [IterationSetup(Targets = new[] { nameof(OursEdit), nameof(PeerEdit), nameof(FloorEdit) })]
    public void EditMethodBody() => Use(_subject.EditMethodBody(_warmCompilation, ++_edit), bind: false);

    [IterationSetup(Targets = new[] { nameof(OursEditBound), nameof(PeerEditBound), nameof(FloorEditBound) })]
    public void EditMethodBodyBound() => Use(_subject.EditMethodBody(_warmCompilation, ++_edit), bind: true);

    [IterationSetup(Targets = new[] { nameof(OursAdd), nameof(PeerAdd) })]
    public void AddHandler() => Use(_subject.AddHandler(_warmCompilation), bind: false);

    [IterationSetup(Targets = new[] { nameof(OursAddBound), nameof(PeerAddBound) })]
    public void AddHandlerBound() => Use(_subject.AddHandler(_warmCompilation), bind: true);

    private void Use(Compilation compilation, bool bind)
    {
        if (bind)
        {
            compilation.GetDeclarationDiagnostics();
        }

        _compilation = compilation;

        // The setup's garbage (a compilation, its bound declarations) is collected here, not inside the timed run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Benchmark, BenchmarkCategory(FirstRun)]
    public GeneratorDriver OursFirstRun() => _subject.NewDriver().RunGenerators(_compilation);

    [Benchmark(Baseline = true), BenchmarkCategory(FirstRun)]
    public GeneratorDriver PeerFirstRun() => _subject.NewDriver().RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(FirstRunBound)]
    public GeneratorDriver OursFirstRunBound() => _subject.NewDriver().RunGenerators(_compilation);

    [Benchmark(Baseline = true), BenchmarkCategory(FirstRunBound)]
    public GeneratorDriver PeerFirstRunBound() => _subject.NewDriver().RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(Edit)]
    public GeneratorDriver OursEdit() => _warmDriver.RunGenerators(_compilation);

    [Benchmark(Baseline = true), BenchmarkCategory(Edit)]
    public GeneratorDriver PeerEdit() => _warmDriver.RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(Edit)]
    public GeneratorDriver FloorEdit() => _warmDriver.RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(EditBound)]
    public GeneratorDriver OursEditBound() => _warmDriver.RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(EditBound)]
    public GeneratorDriver FloorEditBound() => _warmDriver.RunGenerators(_compilation);

    [Benchmark(Baseline = true), BenchmarkCategory(EditBound)]
    public GeneratorDriver PeerEditBound() => _warmDriver.RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(Add)]
    public GeneratorDriver OursAdd() => _warmDriver.RunGenerators(_compilation);

    [Benchmark(Baseline = true), BenchmarkCategory(Add)]
    public GeneratorDriver PeerAdd() => _warmDriver.RunGenerators(_compilation);

    [Benchmark, BenchmarkCategory(AddBound)]
    public GeneratorDriver OursAddBound() => _warmDriver.RunGenerators(_compilation);

    [Benchmark(Baseline = true), BenchmarkCategory(AddBound)]
    public GeneratorDriver PeerAddBound() => _warmDriver.RunGenerators(_compilation);
}
