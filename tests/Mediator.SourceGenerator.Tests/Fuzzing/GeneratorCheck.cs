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
/// callback), and no MED0003. The analyzers run over C1, as in a build (they skip generated files), in the pass that
/// gives C1's errors;</item>
/// <item>no error located in a generated file, ever: C0 has no generated files, so any such error was added;</item>
/// <item>when C1 has errors in the user's files, each must be the user's own (<see cref="ErrorsWithoutGeneratedCode.AlreadySaid"/>):
/// already in C0 by ID and span, moved within a statement or member, or revealed in a member that calls the generated
/// API. The generator must not add errors in user code either, such as CS0101 for a type it declares twice. An error in
/// a type's header (attributes, base list, constraints) must match exactly. C0's errors are computed only around the
/// places asked about (a fraction of the binding of all of C0), and all of them when that view would fail a mutant;</item>
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

        // The compiler's diagnostics of the program with the generated code and the analyzers', in one pass, as a build
        // runs them (the analyzers skip generated files).
        var exceptions = new ConcurrentBag<Exception>();
        var all = output.WithAnalyzers(AnalyzerRun.All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        problems.AddRange(exceptions.Select(e => "analyzer exception: " + e));
        problems.AddRange(all.Where(d => d.Id == "AD0001").Select(d => "analyzer failure: " + d));

        var generated = result.GeneratedTrees.ToHashSet();
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        problems.AddRange(errors.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).Select(d => "error in generated code: " + d));

        var userErrors = errors.Where(d => d.Location.SourceTree is not { } tree || !generated.Contains(tree)).ToList();
        var generatorDiagnostics = driverDiagnostics.Where(d => d.Id.StartsWith("MED", StringComparison.Ordinal)).ToList();
        if (userErrors.Count > 0)
        {
            var before = new ErrorsWithoutGeneratedCode(input, GeneratedNames(generated), Regions(userErrors, generatorDiagnostics));
            problems.AddRange(userErrors.Where(e => !before.AlreadySaid(e)).Select(e => "error added in user code: " + e));
            problems.AddRange(Echoes(generatorDiagnostics, before, input).Select(d => "generator diagnostic on code the compiler rejects: " + d));
        }
        else if (errors.Count == 0)
        {
            problems.AddRange(all.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree))
                .Select(d => "warning in generated code of a program that compiles: " + d));
        }

        return new Outcome(problems, generatorDiagnostics, userErrors, all, result);
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
            && DeclarationAt(tree, d.Location.SourceSpan) is { } declaration
            && before.Any(tree, declaration.Span, e => !IsInBody(tree, e.Location.SourceSpan.Start)));
    }

    private static BaseTypeDeclarationSyntax? DeclarationAt(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
        => tree.GetRoot().FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault();

    /// <summary>
    /// Where the checks below ask about C0's errors: each user error of C1 with its statement or member (what
    /// <see cref="ErrorsWithoutGeneratedCode.AlreadySaid"/> compares), and the type declaration each generator diagnostic
    /// is on (what <see cref="Echoes"/> looks at).
    /// </summary>
    private static IEnumerable<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span)> Regions(List<Diagnostic> userErrors, List<Diagnostic> generatorDiagnostics)
    {
        foreach (var error in userErrors)
        {
            if (error.Location.SourceTree is { } tree)
            {
                var node = tree.GetRoot().FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true);
                var context = node.AncestorsAndSelf().FirstOrDefault(IsMember) ?? node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax);
                yield return (tree, context is null ? error.Location.SourceSpan : Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(
                    Math.Min(context.Span.Start, error.Location.SourceSpan.Start), Math.Max(context.Span.End, error.Location.SourceSpan.End)));
            }
        }

        foreach (var diagnostic in generatorDiagnostics)
        {
            if (diagnostic.Location.SourceTree is { } tree && DeclarationAt(tree, diagnostic.Location.SourceSpan) is { } declaration)
            {
                yield return (tree, declaration.Span);
            }
        }
    }

    private static bool IsMember(SyntaxNode node)
        => node is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax;

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

    /// <summary>
    /// The compiler's errors in the program without the generated code (C0), whose user files are C1's. They are computed
    /// where they are asked about: in each file, once, over the span covering the regions the checks need (the semantic
    /// model then binds only the members in it, a fraction of the program). An answer that would make a failure is asked
    /// again of all of C0's errors, so the narrower view can cost time but never change a verdict.
    /// </summary>
    private sealed class ErrorsWithoutGeneratedCode
    {
        private readonly Compilation _input;
        private readonly HashSet<string> _generatedNames;
        private readonly Dictionary<SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan> _regions;
        private readonly Dictionary<SyntaxTree, List<Diagnostic>> _nearby = new();
        private readonly Lazy<List<Diagnostic>> _all;

        public ErrorsWithoutGeneratedCode(Compilation input, HashSet<string> generatedNames, IEnumerable<(SyntaxTree Tree, Microsoft.CodeAnalysis.Text.TextSpan Span)> regions)
        {
            _input = input;
            _generatedNames = generatedNames;
            _regions = regions
                .GroupBy(r => r.Tree)
                .ToDictionary(g => g.Key, g => Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(g.Min(r => r.Span.Start), g.Max(r => r.Span.End)));
            _all = new(() => input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
        }

        /// <summary>Whether C0 has an error in <paramref name="span"/> that <paramref name="match"/> accepts.</summary>
        public bool Any(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span, Func<Diagnostic, bool> match)
            => Nearby(tree, span).Any(match) || Everywhere(tree, span).Any(match);

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
            if (error.Location.SourceTree is null)
            {
                return _all.Value.Any(b => b.Id == error.Id && b.Location.SourceTree is null);
            }

            return Said(error, Nearby) || Said(error, Everywhere);
        }

        private bool Said(Diagnostic error, Func<SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan, IEnumerable<Diagnostic>> c0)
        {
            var tree = error.Location.SourceTree!;
            var span = error.Location.SourceSpan;
            if (c0(tree, span).Any(b => b.Id == error.Id && b.Location.SourceSpan == span))
            {
                return true;
            }

            var node = tree.GetRoot().FindNode(span, getInnermostNodeForTie: true);
            if (node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax || IsMember(n)) is { } context && c0(tree, context.Span).Any())
            {
                return true;
            }

            return node.AncestorsAndSelf().FirstOrDefault(IsMember) is { } member
                && member.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && _generatedNames.Contains(t.ValueText))
                && c0(tree, member.Span).Any();
        }

        /// <summary>C0's errors intersecting the span, from the file's region when it covers the span, else from all of them.</summary>
        private IEnumerable<Diagnostic> Nearby(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            if (!_regions.TryGetValue(tree, out var region) || !region.Contains(span))
            {
                return Everywhere(tree, span);
            }

            if (!_nearby.TryGetValue(tree, out var errors))
            {
                errors = _input.GetSemanticModel(tree).GetDiagnostics(region).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                _nearby.Add(tree, errors);
            }

            return errors.Where(e => e.Location.SourceSpan.IntersectsWith(span));
        }

        private IEnumerable<Diagnostic> Everywhere(SyntaxTree tree, Microsoft.CodeAnalysis.Text.TextSpan span)
            => _all.Value.Where(e => e.Location.SourceTree == tree && e.Location.SourceSpan.IntersectsWith(span));
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
