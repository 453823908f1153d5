using System.Text;
using Mediator.SourceGenerator.Symbols;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Tests.TypeForms;

/// <summary>
/// Compiles a <see cref="TypeFormScenario"/> through the generator and checks it: no generator diagnostic, no error
/// anywhere, no warning in a generated file; every type text the generator prints for each form, bound again in the
/// compilation, is the same type; the app runs and answers "ok".
/// </summary>
internal static class TypeFormVerifier
{
    public static readonly Lazy<(byte[] Image, MetadataReference Reference)> Library =
        new(() => CompiledApp.Library("Lib", Forms.LibrarySource));

    /// <summary>Everything that went wrong, one line each (none when every form passed), and the generator run.</summary>
    /// <param name="forms">The forms, each in every role of <see cref="TypeFormScenario"/>.</param>
    /// <param name="log">Told how long each phase took.</param>
    /// <param name="plainMessages">Also the non-generic messages of <see cref="TypeFormScenario.Source"/>.</param>
    public static async Task<(List<string> Failures, GeneratorRun Run)> VerifyAsync(IReadOnlyList<TypeForm> forms, Action<string>? log = null, bool plainMessages = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = GeneratorRun.For(
            new[] { Forms.Declarations, TypeFormScenario.Source(forms, plainMessages) },
            new[] { Library.Value.Reference });
        log?.Invoke($"generator: {clock.ElapsedMilliseconds} ms");
        var failures = new List<string>();
        failures.AddRange(run.GeneratorDiagnostics.Where(d => !Expected(d, forms)).Select(d => "generator: " + d));

        // One emit binds everything once: its diagnostics are the compilation's, and its image is what runs.
        clock.Restart();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        log?.Invoke($"emit: {clock.ElapsedMilliseconds} ms");
        var generated = run.Result.GeneratedTrees.ToHashSet();
        foreach (var diagnostic in emitted.Diagnostics)
        {
            var inGenerated = diagnostic.Location.SourceTree is { } tree && generated.Contains(tree);
            if (diagnostic.Severity == DiagnosticSeverity.Error || (inGenerated && diagnostic.Severity == DiagnosticSeverity.Warning))
            {
                failures.Add((inGenerated ? "generated: " : "user code: ") + diagnostic + " " + Line(diagnostic));
            }
        }

        if (failures.Count > 0 || !emitted.Success)
        {
            failures.Add(emitted.Success ? "not run" : "the compilation did not emit");
            return (failures, run);
        }

        clock.Restart();
        failures.AddRange(RoundTrip(run.Output, forms, FormSymbol));
        failures.AddRange(GeneratedSignatures(run.Output, forms, plainMessages));
        log?.Invoke($"round trip: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var answer = await CompiledApp.RunImageAsync(image.ToArray(), Library.Value.Image);
        log?.Invoke($"run: {clock.ElapsedMilliseconds} ms");
        if (answer != "ok")
        {
            failures.Add("run: " + answer);
        }

        return (failures, run);
    }

    /// <summary>
    /// MED0008 for the <c>struct</c>-constrained middleware when no form is a non-nullable value type, for the
    /// <c>class</c>-constrained one when none is a reference type, and for the one over <c>TValue?</c> when none is a
    /// nullable value type: the generator judged the constraints right.
    /// </summary>
    private static bool Expected(Diagnostic diagnostic, IReadOnlyList<TypeForm> forms)
        => diagnostic.Id == "MED0008"
            && ((diagnostic.GetMessage().Contains("App.StructOnly", StringComparison.Ordinal) && forms.All(f => f.Category != FormCategory.Value))
                || (diagnostic.GetMessage().Contains("App.ClassOnly", StringComparison.Ordinal) && forms.All(f => f.Category != FormCategory.Reference))
                || (diagnostic.GetMessage().Contains("App.NullableOnly", StringComparison.Ordinal) && forms.All(f => f.Category != FormCategory.NullableValue)));

    /// <summary>
    /// The three texts the generator prints for each form (declarations, <c>typeof</c> operands, base lists), written
    /// into a probe file of the same compilation: the file compiles without a diagnostic, a declaration binds to the
    /// same type including nullable annotations and tuple names, and a <c>typeof</c> operand or a base-list argument to a
    /// type that converts to it by identity, without the <c>dynamic</c> or top-level annotation C# rejects there.
    /// </summary>
    /// <param name="output">The compilation the forms are declared in.</param>
    /// <param name="forms">The forms.</param>
    /// <param name="symbolOf">Form <c>k</c>'s type symbol in a compilation (the probes' compilation extends <paramref name="output"/>).</param>
    public static List<string> RoundTrip(Compilation output, IReadOnlyList<TypeForm> forms, Func<Compilation, int, ITypeSymbol> symbolOf)
    {
        var symbols = forms.Select((_, k) => symbolOf(output, k)).ToList();
        var texts = symbols.Select(s => TypeRefFactory.TryCreate(s, out var typeRef) ? typeRef : null).ToList();
        var failures = new List<string>();
        for (var k = 0; k < forms.Count; k++)
        {
            if (texts[k] is null)
            {
                failures.Add($"form {k} '{forms[k].Text}': the generator refuses to print it");
            }
        }

        if (failures.Count > 0)
        {
            return failures;
        }

        var probe = new StringBuilder("#nullable enable\nnamespace Probe\n{\n    internal interface IProbe<T> { }\n    internal static class Probes\n    {\n");
        for (var k = 0; k < forms.Count; k++)
        {
            probe.Append($"        public static {texts[k]!.Display} D{k} = default!;\n");
        }

        probe.Append("        public static readonly global::System.Type[] TypeOfs =\n        {\n");
        for (var k = 0; k < forms.Count; k++)
        {
            probe.Append($"            typeof({texts[k]!.TypeOfOperand}),\n");
        }

        probe.Append("        };\n    }\n");
        for (var k = 0; k < forms.Count; k++)
        {
            probe.Append($"    internal struct B{k} : IProbe<{texts[k]!.BaseListDisplay}> {{ }}\n");
        }

        probe.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(probe.ToString(), (CSharpParseOptions)output.SyntaxTrees.First().Options, path: "/probe/Probe.cs");
        var compilation = output.AddSyntaxTrees(tree);
        var model = compilation.GetSemanticModel(tree);
        failures.AddRange(model.GetDiagnostics().Select(d => "probe: " + d + " " + Line(d)));
        if (failures.Count > 0)
        {
            return failures;
        }

        var probes = compilation.GetTypeByMetadataName("Probe.Probes")!;
        var typeOfs = tree.GetRoot().DescendantNodes().OfType<TypeOfExpressionSyntax>().ToList();
        for (var k = 0; k < forms.Count; k++)
        {
            var form = symbolOf(compilation, k);
            var declared = ((IFieldSymbol)probes.GetMembers("D" + k).Single()).Type;
            if (!SymbolEqualityComparer.IncludeNullability.Equals(declared, form))
            {
                failures.Add($"form {k} '{forms[k].Text}': Display '{texts[k]!.Display}' binds to '{declared}'");
            }

            var typeOf = model.GetTypeInfo(typeOfs[k].Type).Type!;
            if (!compilation.ClassifyConversion(typeOf, form).IsIdentity || MentionsDynamic(typeOf) || typeOf.NullableAnnotation == NullableAnnotation.Annotated)
            {
                failures.Add($"form {k} '{forms[k].Text}': TypeOfOperand '{texts[k]!.TypeOfOperand}' binds to '{typeOf}'");
            }

            var baseList = compilation.GetTypeByMetadataName("Probe.B" + k)!.Interfaces.Single().TypeArguments[0];
            if (!compilation.ClassifyConversion(baseList, form).IsIdentity || MentionsDynamic(baseList))
            {
                failures.Add($"form {k} '{forms[k].Text}': BaseListDisplay '{texts[k]!.BaseListDisplay}' binds to '{baseList}'");
            }
        }

        return failures;
    }

    /// <summary>
    /// The mediator's typed overloads, as the compiler bound the generated text: <c>Send</c> takes <c>Wrap&lt;T&gt;</c> and
    /// answers each form's exact type, <c>CreateStream</c> takes <c>Flow&lt;T&gt;</c> and streams it, <c>Publish</c> takes
    /// <c>Note&lt;T&gt;</c> (nullable annotations and tuple element names included).
    /// </summary>
    private static IEnumerable<string> GeneratedSignatures(Compilation output, IReadOnlyList<TypeForm> forms, bool plainMessages)
    {
        var mediator = output.GetTypeByMetadataName("TestApp.Mediator")!;
        var sends = mediator.GetMembers("Send").OfType<IMethodSymbol>().Where(m => !m.IsGenericMethod && m.Parameters.Length == 2).ToList();
        var streams = mediator.GetMembers("CreateStream").OfType<IMethodSymbol>().Where(m => !m.IsGenericMethod).ToList();
        var publishes = mediator.GetMembers("Publish").OfType<IMethodSymbol>().Where(m => !m.IsGenericMethod).ToList();
        var comparer = SymbolEqualityComparer.IncludeNullability;
        for (var k = 0; k < forms.Count; k++)
        {
            var (wrap, response) = Contract(output, "App.WrapHandler" + k, "IRequestHandler");
            var (flow, item) = Contract(output, "App.FlowHandler" + k, "IStreamRequestHandler");
            var (note, _) = Contract(output, "App.NoteHandler" + k, "INotificationHandler");
            var send = sends.SingleOrDefault(m => comparer.Equals(m.Parameters[0].Type, wrap));
            if (send is null || !comparer.Equals(((INamedTypeSymbol)send.ReturnType).TypeArguments[0], response))
            {
                yield return $"form {k} '{forms[k].Text}': Send({wrap}) answers {send?.ReturnType.ToString() ?? "nothing"}";
            }

            var stream = streams.SingleOrDefault(m => comparer.Equals(m.Parameters[0].Type, flow));
            if (stream is null || !comparer.Equals(((INamedTypeSymbol)stream.ReturnType).TypeArguments[0], item))
            {
                yield return $"form {k} '{forms[k].Text}': CreateStream({flow}) yields {stream?.ReturnType.ToString() ?? "nothing"}";
            }

            if (!publishes.Any(m => comparer.Equals(m.Parameters[0].Type, note)))
            {
                yield return $"form {k} '{forms[k].Text}': no Publish takes {note}";
            }

            if (plainMessages && TypeFormScenario.HasPlainMessages(forms[k]))
            {
                var (ask, answer) = Contract(output, "App.AskHandler" + k, "IRequestHandler");
                var (items, plainItem) = Contract(output, "App.ItemsHandler" + k, "IStreamRequestHandler");
                var plainSend = sends.SingleOrDefault(m => comparer.Equals(m.Parameters[0].Type, ask));
                if (plainSend is null || !comparer.Equals(((INamedTypeSymbol)plainSend.ReturnType).TypeArguments[0], answer))
                {
                    yield return $"form {k} '{forms[k].Text}': Send({ask}) answers {plainSend?.ReturnType.ToString() ?? "nothing"}";
                }

                var plainStream = streams.SingleOrDefault(m => comparer.Equals(m.Parameters[0].Type, items));
                if (plainStream is null || !comparer.Equals(((INamedTypeSymbol)plainStream.ReturnType).TypeArguments[0], plainItem))
                {
                    yield return $"form {k} '{forms[k].Text}': CreateStream({items}) yields {plainStream?.ReturnType.ToString() ?? "nothing"}";
                }
            }
        }
    }

    /// <summary>Form <paramref name="k"/> as user code declared it: the response its request handler names.</summary>
    private static ITypeSymbol FormSymbol(Compilation compilation, int k) => Contract(compilation, "App.WrapHandler" + k, "IRequestHandler").Result!;

    private static (ITypeSymbol Message, ITypeSymbol? Result) Contract(Compilation compilation, string handler, string contract)
    {
        var type = compilation.GetTypeByMetadataName(handler)!.AllInterfaces.First(i => i.Name == contract);
        return (type.TypeArguments[0], type.TypeArguments.Length > 1 ? type.TypeArguments[1] : null);
    }

    private static bool MentionsDynamic(ITypeSymbol type) => type switch
    {
        IDynamicTypeSymbol => true,
        IArrayTypeSymbol array => MentionsDynamic(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(MentionsDynamic) || (named.ContainingType is { } container && MentionsDynamic(container)),
        _ => false,
    };

    private static string Line(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree is { } tree
            ? "[" + tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() + "]"
            : string.Empty;
}
