using System.Text;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Mediator.SourceGenerator.Tests.TypeForms;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The generative tests of the type printer, from fixed seeds. Type forms are combined at random from keywords, user
/// types with keyword names, a global-namespace type and referenced-assembly types, through annotations, nullable value
/// types, arrays of every rank (jagged, multi-dimensional, annotated at any level), tuples (named with keywords or not,
/// past seven elements), generic types and types nested in generic types, up to three levels deep (four for the printer
/// alone). Four seeds of a hundred forms, each in five positions: 2,000 combinations compiled, bound back and run.
/// </summary>
public sealed class GeneratedTypeFormTests(ITestOutputHelper output)
{
    /// <summary>Forms per compilation: the mediator's typed overloads make the compiler's overload resolution quadratic in it.</summary>
    private const int FormsPerCompilation = 100;

    /// <summary>One compilation per seed.</summary>
    private static readonly int[] SeedList = { 1601, 1602, 1603, 1604 };

    public static TheoryData<int> Seeds => new(SeedList);

    /// <summary>Forms the printer-only test prints and binds again in one compilation.</summary>
    private const int PrintedForms = 3000;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_hundred_type_forms_per_seed_in_five_positions_compile_bind_back_and_run(int seed)
    {
        var forms = new TypeFormGenerator(seed).Generate(FormsPerCompilation, new HashSet<string>());

        var (failures, _) = await TypeFormVerifier.VerifyAsync(forms, output.WriteLine);

        output.WriteLine(
            $"seed {seed}: {forms.Count} forms ({forms.Sum(f => f.Nodes)} type nodes) x {TypeFormScenario.Positions} positions = "
            + $"{forms.Count * TypeFormScenario.Positions} combinations; {SeedList.Length} seeds cover {SeedList.Length * forms.Count * TypeFormScenario.Positions}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)) + "\nForms:\n" + string.Join("\n", forms.Select((f, k) => k + ": " + f.Text)));
    }

    /// <summary>
    /// The printer alone, on many more forms than can be compiled into pipelines: each form's three texts (declaration,
    /// <c>typeof</c> operand, base list), written into the compilation that declares the form, bind back to it.
    /// </summary>
    [Fact]
    public void Three_thousand_type_forms_print_and_bind_back_to_the_same_type()
    {
        var forms = new TypeFormGenerator(1600, maxDepth: 4).Generate(PrintedForms, new HashSet<string>());
        var declarations = new StringBuilder("namespace Forms\n{\n    public static class F\n    {\n");
        for (var k = 0; k < forms.Count; k++)
        {
            declarations.Append($"        public static {forms[k].Text} F{k} = default!;\n");
        }

        declarations.Append("    }\n}\n");
        var compilation = GeneratorRun.CreateCompilation(
            new[] { Forms.Declarations, declarations.ToString() },
            new[] { TypeFormVerifier.Library.Value.Reference });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var failures = TypeFormVerifier.RoundTrip(compilation, forms, (c, k) => ((IFieldSymbol)c.GetTypeByMetadataName("Forms.F")!.GetMembers("F" + k).Single()).Type);

        output.WriteLine($"{forms.Count} forms, {forms.Sum(f => f.Nodes)} type nodes, up to {forms.Max(f => f.Nodes)} in one form");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }
}
