using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests.Fuzzing;

/// <summary>
/// One program of the corpus in <c>Corpus/&lt;Name&gt;/</c>: its C# files (compiled together, as one project), the
/// language version, nullable context and preprocessor symbols it is built with, and what <c>App.Entry.Run()</c> returns
/// (<c>expected.txt</c>). The fuzz test mutates these programs; <see cref="CorpusTests"/> builds and runs them as written.
/// </summary>
internal sealed class Seed
{
    /// <summary>The corpus: every C# version the generator supports at least once, nullable on and off.</summary>
    public static readonly IReadOnlyList<Seed> All = new[]
    {
        new Seed("Records", LanguageVersion.Latest, NullableContextOptions.Enable),
        new Seed("PartialTypes", LanguageVersion.Latest, NullableContextOptions.Enable),
        new Seed("CSharp8Classic", LanguageVersion.CSharp8, NullableContextOptions.Disable),
        new Seed("NullableOff", LanguageVersion.Latest, NullableContextOptions.Disable),
        new Seed("Preprocessor", LanguageVersion.CSharp9, NullableContextOptions.Disable, "FEATURE_AUDIT"),
        new Seed("FileLocal", LanguageVersion.Latest, NullableContextOptions.Enable),
        new Seed("GenericMiddleware", LanguageVersion.Latest, NullableContextOptions.Enable),
        new Seed("Streams", LanguageVersion.CSharp11, NullableContextOptions.Enable),
        new Seed("Notifications", LanguageVersion.Latest, NullableContextOptions.Enable),
        new Seed("HandlerMiddleware", LanguageVersion.Latest, NullableContextOptions.Enable),
        new Seed("AttributeConfig", LanguageVersion.CSharp10, NullableContextOptions.Enable),
        new Seed("GlobalNamespace", LanguageVersion.CSharp9, NullableContextOptions.Enable),
    };

    private readonly Lazy<CSharpCompilation> _compilation;
    private readonly Lazy<CSharpCompilation> _fuzzCompilation;

    private Seed(string name, LanguageVersion version, NullableContextOptions nullable, params string[] defines)
    {
        Name = name;
        ParseOptions = new CSharpParseOptions(version, preprocessorSymbols: defines);
        Nullable = nullable;
        FuzzParseOptions = ParseOptions.WithFeatures(new[] { new KeyValuePair<string, string>("run-nullable-analysis", "never") });
        _compilation = new Lazy<CSharpCompilation>(() => CreateCompilation(ParseOptions));
        _fuzzCompilation = new Lazy<CSharpCompilation>(() => CreateCompilation(FuzzParseOptions));
    }

    public string Name { get; }

    public CSharpParseOptions ParseOptions { get; }

    /// <summary>
    /// <see cref="ParseOptions"/> without the nullable analysis pass (Roslyn's <c>run-nullable-analysis=never</c>), a
    /// fifth of the binding time: it reports warnings only, and the fuzz test looks for errors (a mutant that compiles
    /// is checked again with the analysis on, for warnings in generated code).
    /// </summary>
    public CSharpParseOptions FuzzParseOptions { get; }

    public NullableContextOptions Nullable { get; }

    /// <summary>The user's code only, as a build compiles it.</summary>
    public CSharpCompilation Compilation => _compilation.Value;

    /// <summary>The user's code parsed with <see cref="FuzzParseOptions"/> once, shared by every mutant (so are its references).</summary>
    public CSharpCompilation FuzzCompilation => _fuzzCompilation.Value;

    /// <summary>What <c>App.Entry.Run()</c> returns.</summary>
    public string Expected => File.ReadAllText(Path.Combine(Directory, "expected.txt"));

    private string Directory => Path.Combine(CorpusDirectory(), Name);

    /// <summary>Writes what the program printed as its expected output (when accepting snapshots).</summary>
    public void AcceptExpected(string actual) => File.WriteAllText(Path.Combine(Directory, "expected.txt"), actual);

    public override string ToString() => Name;

    private CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions)
        => CSharpCompilation.Create(
            "TestApp",
            System.IO.Directory.GetFiles(Directory, "*.cs")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parseOptions, path: "/src/" + Name + "/" + Path.GetFileName(p))),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Nullable, concurrentBuild: false));

    /// <summary>
    /// What the corpus needs: the abstractions, the runtime, dependency injection and the framework assemblies they
    /// reference, plus a few the programs use. About 70 assemblies instead of the 170 of the whole framework: every new
    /// compilation looks names up in each reference's namespaces, so fewer references bind faster.
    /// </summary>
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var roots = new[]
        {
            typeof(global::Mediator.IMediator).Assembly,
            typeof(global::Mediator.Publishing.PublishRuntime).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.ServiceProvider).Assembly,
        };
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.Private.CoreLib", "System.Runtime", "netstandard", "System.Collections", "System.Collections.Concurrent",
            "System.Linq", "System.Console", "System.Memory", "System.Threading", "System.Threading.Tasks",
        };
        var paths = roots.Select(a => a.Location).Concat(names.Where(framework.ContainsKey).Select(n => framework[n])).ToList();
        var pending = new Queue<System.Reflection.Assembly>(roots);
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Dequeue().GetReferencedAssemblies())
            {
                if (reference.Name is { } name && names.Add(name) && framework.TryGetValue(name, out var path))
                {
                    paths.Add(path);
                    pending.Enqueue(System.Reflection.Assembly.Load(reference));
                }
            }
        }

        return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    private static string CorpusDirectory([CallerFilePath] string here = "")
        => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here))!, "Corpus");
}
