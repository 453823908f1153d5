using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator.CodeFixes.Tests;

/// <summary>
/// One C# file in an in-memory workspace: runs an analyzer, offers its diagnostic to a code fix and applies the first
/// action, as the IDE does. A small stand-in for Microsoft.CodeAnalysis.Testing, which needs package downloads at run time.
/// </summary>
internal sealed class CodeFixRun
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

    private readonly DiagnosticAnalyzer _analyzer;
    private readonly CodeFixProvider _fix;

    public CodeFixRun(DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        _analyzer = analyzer;
        _fix = fix;
    }

    /// <summary>The file after the first action offered for the first diagnostic, or null when no action is offered.</summary>
    public async Task<string?> FixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        var document = AddDocument(workspace, source);
        var diagnostic = (await DiagnoseAsync(document)).First(d => _fix.FixableDiagnosticIds.Contains(d.Id));
        var actions = new List<CodeAction>();
        await _fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        if (actions.Count == 0)
        {
            return null;
        }

        var operation = Assert.Single((await actions[0].GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;
        var errors = (await fixedDocument.GetSemanticModelAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        return (await fixedDocument.GetTextAsync()).ToString();
    }

    /// <summary>The analyzer's diagnostics on the source; the source itself must compile.</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        return await DiagnoseAsync(AddDocument(workspace, source));
    }

    private async Task<ImmutableArray<Diagnostic>> DiagnoseAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create(_analyzer)).GetAnalyzerDiagnosticsAsync();
    }

    private static Document AddDocument(AdhocWorkspace workspace, string source)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "App",
            "App",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: References.Value));
        return workspace.AddDocument(project.Id, "File.cs", SourceText.From(source));
    }
}
