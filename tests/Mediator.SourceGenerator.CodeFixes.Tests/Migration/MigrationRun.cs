using System.Collections.Immutable;
using Mediator.SourceGenerator.Analyzers.Migration;
using Mediator.SourceGenerator.CodeFixes.Migration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator.CodeFixes.Tests.Migration;

/// <summary>
/// A MediatR app in an in-memory solution: a "MediatR" project compiled from <see cref="MediatRStubs"/> (MediatR's
/// public API by name and shape) and app projects that reference it and this library's abstractions, as an app does
/// while both packages are installed. <see cref="PortAsync"/> runs MED0060's fix-all over the whole solution, as
/// <c>dotnet format</c> does, then swaps the package (drops the MediatR project reference) and asserts that every app
/// project compiles without errors and that no MED0060 is left.
/// </summary>
internal sealed class MigrationRun
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted.Where(p => !Path.GetFileName(p).StartsWith("Mediator.", StringComparison.Ordinal))
            .Append(typeof(global::Mediator.IMediator).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    });

    private readonly MediatRAnalyzerAndFix _pair = new();

    /// <summary>Ports one file; <paramref name="ours"/> is extra source the app gets after the swap (this library's contracts not yet on main).</summary>
    public async Task<string> PortFileAsync(string source, string mediatR, string? ours = null)
        => (await PortAsync(new[] { new[] { source } }, mediatR, ours))[0][0];

    /// <summary>Ports every document of every app project (each an array of sources); returns the ported texts.</summary>
    public async Task<string[][]> PortAsync(string[][] projects, string mediatR, string? ours = null)
    {
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var services = AddProject(ref solution, "Services", new[] { MediatRStubs.Services });
        var mediatRProject = AddProject(ref solution, "MediatR", new[] { mediatR }, services);
        var apps = new List<ProjectId>();
        for (var i = 0; i < projects.Length; i++)
        {
            apps.Add(AddProject(ref solution, "App" + i, projects[i], services, mediatRProject));
        }

        foreach (var app in apps)
        {
            await AssertCompilesAsync(solution.GetProject(app)!);
        }

        var diagnostics = await DiagnoseAsync(solution, apps);
        Assert.NotEmpty(diagnostics);
        var document = solution.GetDocument(diagnostics.First(d => d.Location.SourceTree is not null).Location.SourceTree)!;
        var fixAll = _pair.Fix.GetFixAllProvider()!;
        var context = new FixAllContext(
            document, _pair.Fix, FixAllScope.Solution, nameof(PortFromMediatRCodeFix), _pair.Fix.FixableDiagnosticIds,
            new Provider(solution, diagnostics), CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        var operation = Assert.Single((await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var ported = operation.ChangedSolution;

        // The package swap: MediatR goes, this library's contracts stay.
        foreach (var app in apps)
        {
            var project = ported.GetProject(app)!;
            ported = project.RemoveProjectReference(project.ProjectReferences.Single(r => r.ProjectId == mediatRProject)).Solution;
            if (ours is not null)
            {
                ported = ported.GetProject(app)!.AddDocument("Ours.cs", SourceText.From(ours)).Project.Solution;
            }
        }

        Assert.Empty(await DiagnoseAsync(ported, apps));
        var texts = new List<string[]>();
        foreach (var app in apps)
        {
            var project = ported.GetProject(app)!;
            await AssertCompilesAsync(project);
            var documents = project.Documents.Where(d => d.Name != "Ours.cs").OrderBy(d => d.Name, StringComparer.Ordinal);
            texts.Add(await Task.WhenAll(documents.Select(async d => (await d.GetTextAsync()).ToString())));
        }

        return texts.ToArray();
    }

    /// <summary>
    /// The file after the IDE's single fix for the first diagnostic at <paramref name="site"/> (one place, not fix-all);
    /// nothing is compiled afterwards, since the rest of the file is still MediatR's.
    /// </summary>
    public async Task<string> FixOnePlaceAsync(string source, string mediatR, string site)
    {
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var services = AddProject(ref solution, "Services", new[] { MediatRStubs.Services });
        var mediatRProject = AddProject(ref solution, "MediatR", new[] { mediatR }, services);
        var app = AddProject(ref solution, "App", new[] { source }, services, mediatRProject);
        var diagnostic = (await DiagnoseAsync(solution, new[] { app }))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .First(d => d.Properties[MediatRUsageAnalyzer.SiteProperty] == site);
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await _pair.Fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operation = Assert.Single((await Assert.Single(actions).GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        return (await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    /// <summary>MED0060's diagnostics on the sources (compiled against MediatR, as written).</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(string source, string mediatR)
    {
        using var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var services = AddProject(ref solution, "Services", new[] { MediatRStubs.Services });
        var mediatRProject = AddProject(ref solution, "MediatR", new[] { mediatR }, services);
        var app = AddProject(ref solution, "App", new[] { source }, services, mediatRProject);
        await AssertCompilesAsync(solution.GetProject(app)!);
        return await DiagnoseAsync(solution, new[] { app });
    }

    private async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(Solution solution, IEnumerable<ProjectId> projects)
    {
        var all = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var id in projects)
        {
            var compilation = (await solution.GetProject(id)!.GetCompilationAsync())!;
            all.AddRange(await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(_pair.Analyzer)).GetAnalyzerDiagnosticsAsync());
        }

        return all.ToImmutable();
    }

    private static async Task AssertCompilesAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, project.Name + ":\n" + string.Join("\n", errors.Select(e => e.ToString()))
            + "\n\n" + string.Join("\n----\n", project.Documents.Select(d => d.GetTextAsync().Result.ToString())));
    }

    private static ProjectId AddProject(ref Solution solution, string name, IEnumerable<string> sources, params ProjectId[] references)
    {
        var id = ProjectId.CreateNewId();
        solution = solution.AddProject(ProjectInfo.Create(
            id, VersionStamp.Create(), name, name, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: References.Value));
        var index = 0;
        foreach (var source in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), $"File{index++}.cs", SourceText.From(source));
        }

        foreach (var reference in references)
        {
            solution = solution.AddProjectReference(id, new ProjectReference(reference));
        }

        return id;
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly Solution _solution;
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(Solution solution, ImmutableArray<Diagnostic> diagnostics)
        {
            _solution = solution;
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree is { } tree && _solution.GetDocument(tree)?.Id == document.Id));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree is { } tree && _solution.GetDocument(tree)?.Project.Id == project.Id));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => GetProjectDiagnosticsAsync(project, cancellationToken);
    }

    private sealed class MediatRAnalyzerAndFix
    {
        public DiagnosticAnalyzer Analyzer { get; } = new MediatRUsageAnalyzer();

        public CodeFixProvider Fix { get; } = new PortFromMediatRCodeFix();
    }
}
