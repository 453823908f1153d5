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
/// callback), and no MED0003. The analyzers run over C0 in the pass that gives its errors: they skip generated code in a
/// build anyway, and running them over C1 would bind it all again;</item>
/// <item>no error located in a generated file, ever: C0 has no generated files, so any such error was added;</item>
/// <item>when C1 has errors in the user's files, each must be the user's own (<see cref="ErrorsWithoutGeneratedCode.AlreadySaid"/>):
/// already in C0 by ID and span, moved within a statement or member, or revealed in a member that calls the generated
/// API. The generator must not add errors in user code either, such as CS0101 for a type it declares twice. An error in
/// a type's header (attributes, base list, constraints) must match exactly;</item>
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
        // the pass that gives its errors for the comparisons below: half the binding of running them over C1.
        var exceptions = new ConcurrentBag<Exception>();
        var withoutGenerated = input.WithAnalyzers(AnalyzerRun.All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        problems.AddRange(exceptions.Select(e => "analyzer exception: " + e));
        problems.AddRange(withoutGenerated.Where(d => d.Id == "AD0001").Select(d => "analyzer failure: " + d));

        var generated = result.GeneratedTrees.ToHashSet();
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        problems.AddRange(errors.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).Select(d => "error in generated code: " + d));

        var userErrors = errors.Where(d => d.Location.SourceTree is not { } tree || !generated.Contains(tree)).ToList();
        var generatorDiagnostics = driverDiagnostics.Where(d => d.Id.StartsWith("MED", StringComparison.Ordinal)).ToList();
        if (userErrors.Count > 0)
        {
            var before = new ErrorsWithoutGeneratedCode(withoutGenerated.Where(d => d.Severity == DiagnosticSeverity.Error).ToList(), GeneratedNames(generated));
            problems.AddRange(userErrors.Where(e => !before.AlreadySaid(e)).Select(e => "error added in user code: " + e));
            problems.AddRange(Echoes(generatorDiagnostics, before, input).Select(d => "generator diagnostic on code the compiler rejects: " + d));
        }
        else if (errors.Count == 0)
        {
            problems.AddRange(all.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree))
                .Select(d => "warning in generated code of a program that compiles: " + d));
        }

        return new Outcome(problems, generatorDiagnostics, userErrors, all.AddRange(withoutGenerated.Where(d => d.Id.StartsWith("MED", StringComparison.Ordinal))), result);
    }

    /// <summary>
    /// Generator errors and warnings that could only echo the compiler's errors: any, while a syntax error sits outside
    /// method bodies; else those on a type declaration where the compiler reports an error outside method bodies (its
    /// attributes, modifiers, name, base list, constraints or member signatures). MED0035, MED0036, MED0038 and MED0039 say
    /// why nothing was generated, which is true whatever else is wrong, and are reported in any case.
    /// </summary>
    private static IEnumerable<Diagnostic> Echoes(List<Diagnostic> generatorDiagnostics, ErrorsWithoutGeneratedCode before, Compilation input)
    {
        var reported = generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("MED0035" or "MED0036" or "MED0038" or "MED0039")).ToList();
        if (reported.Count == 0
            || input.SyntaxTrees.SelectMany(t => t.GetDiagnostics()).Any(d => d.Severity == DiagnosticSeverity.Error && !IsInBody(d.Location.SourceTree!, d.Location.SourceSpan.Start)))
        {
            return reported;
        }

        return reported.Where(d => d.Location.SourceTree is { } tree
            && tree.GetRoot().FindToken(d.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault() is { } declaration
            && before.In(tree, declaration.Span).Any(e => !IsInBody(tree, e.Location.SourceSpan.Start)));
    }

    /// <summary>In a method, accessor or local function body, an expression body, or a field or property initializer.</summary>
    private static bool IsInBody(SyntaxTree tree, int position)
        => tree.GetRoot().FindToken(position).Parent?.AncestorsAndSelf().Any(n => n is BlockSyntax
            or ArrowExpressionClauseSyntax
            || (n is EqualsValueClauseSyntax
                && n.Parent is PropertyDeclarationSyntax or VariableDeclaratorSyntax)) ?? false;

    /// <summary>The names generated code declares: its namespaces, types and methods (<c>TestApp</c>, <c>Mediator</c>, <c>AddMediator</c>).</summary>
    private static HashSet<string> GeneratedNames(IEnumerable<SyntaxTree> generated)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in generated.SelectMany(t => t.GetRoot().DescendantNodes()))
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method:
                    names.Add(method.Identifier.ValueText);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    names.UnionWith(ns.Name.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText));
                    break;
            }
        }

        return names;
    }

    /// <summary>The compiler's errors in the program without the generated code (C0), whose user files are C1's.</summary>
    private sealed class ErrorsWithoutGeneratedCode(List<Diagnostic> errors, HashSet<string> generatedNames)
    {
        public IEnumerable<Diagnostic> In(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
            => errors.Where(e => e.Location.SourceTree == tree && e.Location.SourceSpan.IntersectsWith(span));

        /// <summary>
        /// Whether an error of the program with generated code (C1) is the user's own: a syntax error (the same in both);
        /// the same ID at the same span in C0; an error in the same statement, or in the same member outside statements
        /// (an error that moved: C0 lacks <c>AddMediator()</c>, so its errors there are CS1061; with the generated code,
        /// an argument added by a mutation gives CS1501 at the same call); or an error in a member that names the
        /// generated API and has an error in C0. A call to a missing <c>AddMediator()</c> is an error type in C0, and so
        /// is its result, which hides every later mistake in its uses (<c>var provider = services.AddMediator();
        /// provider.GetRequiredService...</c>); with the generated code the call binds (even on a receiver in error,
        /// Roslyn takes the only candidate's return type) and those mistakes are reported: revealed rather than added.
        /// </summary>
        public bool AlreadySaid(Diagnostic error)
        {
            if (error.Location.SourceTree is not { } tree)
            {
                return errors.Any(b => b.Id == error.Id && b.Location.SourceTree is null);
            }

            var span = error.Location.SourceSpan;
            if (In(tree, span).Any(b => b.Id == error.Id && b.Location.SourceSpan == span))
            {
                return true;
            }

            var node = tree.GetRoot().FindNode(span, getInnermostNodeForTie: true);
            if (node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax || IsMember(n)) is { } context && In(tree, context.Span).Any())
            {
                return true;
            }

            return node.AncestorsAndSelf().FirstOrDefault(IsMember) is { } member
                && member.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && generatedNames.Contains(t.ValueText))
                && In(tree, member.Span).Any();
        }

        private static bool IsMember(SyntaxNode node)
            => node is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax;
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
