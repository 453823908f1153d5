using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Interceptor.Tests;

/// <summary>
/// Runs the generator's Roslyn 4.14 build as a package consumer's build does: the interceptors' namespace opted in
/// (the package's CompiledMediator.targets), and <c>MediatorInterceptCalls</c> set or not.
/// </summary>
internal static class InterceptorRun
{
    public static readonly CSharpParseOptions ParseOptions = GeneratorRun.ParseOptions
        .WithFeatures(new[] { new KeyValuePair<string, string>("InterceptorsNamespaces", "Mediator.Generated.Interceptors") });

    public static GeneratorRun For(bool intercept, params string[] sources)
        => GeneratorRun.Run(Driver(intercept), Compilation(sources));

    /// <summary>As <see cref="For(bool, string[])"/>, in a project that references other compiled assemblies (modules).</summary>
    public static GeneratorRun For(bool intercept, MetadataReference[] references, params string[] sources)
        => GeneratorRun.Run(Driver(intercept), Compilation(sources, references));

    public static CSharpCompilation Compilation(IEnumerable<string> sources, IEnumerable<MetadataReference>? references = null)
        => GeneratorRun.CreateCompilation(Array.Empty<string>(), references)
            .AddSyntaxTrees(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/File{i}.cs")));

    /// <summary>
    /// A module (a library with handlers) built as the package builds it, interceptors on, under its own assembly name and
    /// root namespace; its emitted image, for a host to reference and load.
    /// </summary>
    public static (GeneratorRun Run, byte[] Image) Module(string name, params string[] sources)
    {
        var properties = new Dictionary<string, string> { ["RootNamespace"] = name };
        var compilation = GeneratorRun.CreateCompilation(Array.Empty<string>(), assemblyName: name)
            .AddSyntaxTrees(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/{name}/File{i}.cs")));
        var run = GeneratorRun.Run(GeneratorRun.CreateDriver(properties).WithUpdatedParseOptions(ParseOptions), compilation);
        using var stream = new MemoryStream();
        var result = run.Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (run, stream.ToArray());
    }

    /// <summary>Whether a generated file is one of the interceptor files.</summary>
    public static bool IsInterceptorFile(string hintName) => hintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal);

    public static GeneratorDriver Driver(bool intercept)
    {
        var properties = new Dictionary<string, string> { ["RootNamespace"] = "TestApp" };
        if (!intercept)
        {
            properties["MediatorInterceptCalls"] = "false";
        }

        return GeneratorRun.CreateDriver(properties).WithUpdatedParseOptions(ParseOptions);
    }

    /// <summary>
    /// Each Send, Publish and CreateStream call of the user's files (not the generated ones), as written, with the
    /// interceptor the compiler binds it to, or null.
    /// </summary>
    public static IReadOnlyList<(string Call, string? Interceptor)> Calls(GeneratorRun run)
    {
        var generated = run.Result.GeneratedTrees.ToHashSet();
        var calls = new List<(string, string?)>();
        foreach (var tree in run.Output.SyntaxTrees.Where(t => !generated.Contains(t)))
        {
            var model = run.Output.GetSemanticModel(tree);
            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Send" or "Publish" or "CreateStream" })
                {
                    calls.Add((invocation.ToString(), model.GetInterceptorMethod(invocation)?.Name));
                }
            }
        }

        return calls;
    }
}
