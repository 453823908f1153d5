using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Tests.Fuzzing;

/// <summary>
/// Runs the generator and the analyzers over one program, as a build does, and lists every way the result breaks the
/// rule of issue 16: "for every input the compiler accepts, the generated code compiles; for every input it rejects,
/// the generator adds no error of its own".
/// </summary>
/// <remarks>
/// The checks, and how the errors of the program with generated code (C1) are compared with those of the same program
/// without it (C0):
/// <list type="bullet">
/// <item>no exception in the generator (the driver's result, CS8784/CS8785) or in an analyzer (AD0001 or the exception
/// callback), and no MED0003. The analyzers run over C0, in the pass that also gives its errors: in a build they skip
/// generated code, and C0 is half the binding of C1;</item>
/// <item>no error located in a generated file, ever: C0 has no generated files, so any such error was added;</item>
/// <item>when C1 has errors in the user's files, each must already be in C0, by ID and span in the same file (the
/// generator must not add errors in user code either, such as CS0101 for a type it declares twice). An error that
/// moved counts as already said when C0 has an error in the same statement, or in the same member when it is outside
/// any statement: the generated API changes what a broken expression binds to (C0 lacks <c>AddMediator()</c>, so its
/// errors there are CS1061; with the generated code, an argument added by a mutation gives CS1501 at the same call).
/// An error in a type's header (attributes, base list, constraints) must match exactly;</item>
/// <item>when C1 has errors in the user's files, no generator error or warning that can only echo them: none at all
/// while a syntax error sits outside method bodies, and none on a type declaration where the compiler reports an error
/// outside method bodies. (The generator is quieter than this asks: see docs/diagnostics/README.md.) Errors inside
/// bodies leave the generator's diagnostics on, as they leave its view of the declarations intact;</item>
/// <item>when C1 has no error at all (the program compiles), no warning in a generated file either.</item>
/// </list>
/// </remarks>
internal static class GeneratorCheck
{
    private static readonly ISourceGenerator Generator = new MediatorGenerator().AsSourceGenerator();

    public static Outcome Run(CSharpCompilation input, CSharpParseOptions parseOptions)
    {
        var problems = new List<string>();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { Generator },
            parseOptions: parseOptions,
            optionsProvider: GeneratorRun.OptionsFor("TestApp"),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var driverDiagnostics);
        var result = driver.GetRunResult();
        foreach (var generatorResult in result.Results.Where(r => r.Exception is not null))
        {
            problems.Add("generator exception: " + generatorResult.Exception);
        }

        problems.AddRange(driverDiagnostics.Where(d => d.Id is "CS8784" or "CS8785" or "MED0003").Select(d => "generator failure: " + d));

        var all = output.GetDiagnostics();

        // The analyzers run over the program without the generated code (they skip generated code in a build anyway), in
        // the same pass that gives its compiler errors for the comparison below.
        var exceptions = new ConcurrentBag<Exception>();
        var before = input.WithAnalyzers(AnalyzerRun.All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        problems.AddRange(exceptions.Select(e => "analyzer exception: " + e));
        problems.AddRange(before.Where(d => d.Id == "AD0001").Select(d => "analyzer failure: " + d));

        var generated = result.GeneratedTrees.ToHashSet();
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        problems.AddRange(errors.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).Select(d => "error in generated code: " + d));

        var userErrors = errors.Where(d => d.Location.SourceTree is not { } tree || !generated.Contains(tree)).ToList();
        var generatorDiagnostics = driverDiagnostics.Where(d => d.Id.StartsWith("MED", StringComparison.Ordinal)).ToList();
        if (userErrors.Count > 0)
        {
            var errorsBefore = before.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            problems.AddRange(userErrors.Where(e => !AlreadySaid(e, errorsBefore)).Select(e => "error added in user code: " + e));
            problems.AddRange(Echoes(generatorDiagnostics, errorsBefore, input).Select(d => "generator diagnostic on code the compiler rejects: " + d));
        }
        else if (errors.Count == 0)
        {
            problems.AddRange(all.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree))
                .Select(d => "warning in generated code of a program that compiles: " + d));
        }

        return new Outcome(problems, generatorDiagnostics, userErrors, all.AddRange(before.Where(d => d.Id.StartsWith("MED", StringComparison.Ordinal))), result);
    }

    /// <summary>
    /// Generator errors and warnings that could only echo the compiler's errors: any, while a syntax error sits outside
    /// method bodies; else those on a type declaration where the compiler reports an error outside method bodies (its
    /// attributes, modifiers, name, base list, constraints or member signatures).
    /// </summary>
    private static IEnumerable<Diagnostic> Echoes(List<Diagnostic> generatorDiagnostics, List<Diagnostic> compilerErrors, Compilation input)
    {
        var reported = generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (reported.Count == 0
            || input.SyntaxTrees.SelectMany(t => t.GetDiagnostics()).Any(d => d.Severity == DiagnosticSeverity.Error && !IsInBody(d.Location.SourceTree!, d.Location.SourceSpan.Start)))
        {
            return reported;
        }

        var declarationErrors = compilerErrors.Where(e => e.Location.SourceTree is { } tree && !IsInBody(tree, e.Location.SourceSpan.Start)).ToList();
        return reported.Where(d => d.Location.SourceTree is { } tree
            && tree.GetRoot().FindToken(d.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault() is { } declaration
            && declarationErrors.Any(e => e.Location.SourceTree!.FilePath == tree.FilePath && declaration.Span.Contains(e.Location.SourceSpan.Start)));
    }

    /// <summary>In a method, accessor or local function body, an expression body, or a field or property initializer.</summary>
    private static bool IsInBody(SyntaxTree tree, int position)
        => tree.GetRoot().FindToken(position).Parent?.AncestorsAndSelf().Any(n => n is BlockSyntax
            or ArrowExpressionClauseSyntax
            || (n is EqualsValueClauseSyntax
                && n.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax)) ?? false;

    private static bool AlreadySaid(Diagnostic error, List<Diagnostic> before)
    {
        if (error.Location.SourceTree is not { } tree)
        {
            return before.Any(b => b.Id == error.Id && b.Location.SourceTree is null);
        }

        if (before.Any(b => b.Id == error.Id && b.Location.SourceTree?.FilePath == tree.FilePath && b.Location.SourceSpan == error.Location.SourceSpan))
        {
            return true;
        }

        var node = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
        var context = node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax
            || (n is MemberDeclarationSyntax
                and not BaseTypeDeclarationSyntax
                and not BaseNamespaceDeclarationSyntax));
        return context is not null
            && before.Any(b => b.Location.SourceTree?.FilePath == tree.FilePath && b.Location.SourceSpan.IntersectsWith(context.Span));
    }

    /// <summary>What one run found.</summary>
    /// <param name="Problems">Broken rules, as messages; empty when the run is sound.</param>
    /// <param name="GeneratorDiagnostics">MED diagnostics the generator reported.</param>
    /// <param name="UserErrors">Compiler errors in the user's files, with the generated code present.</param>
    /// <param name="All">Every compiler diagnostic of the program with generated code, and the analyzers' diagnostics.</param>
    /// <param name="Result">The generator's run.</param>
    internal sealed record Outcome(
        IReadOnlyList<string> Problems,
        IReadOnlyList<Diagnostic> GeneratorDiagnostics,
        IReadOnlyList<Diagnostic> UserErrors,
        ImmutableArray<Diagnostic> All,
        GeneratorDriverRunResult Result);
}
