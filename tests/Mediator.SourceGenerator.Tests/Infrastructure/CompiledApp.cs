using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Infrastructure;

/// <summary>
/// Emits a generator run's output (user code plus generated code) and runs it: <c>App.Entry.Run()</c>, a static
/// method returning <c>Task&lt;string&gt;</c>. The assembly is loaded into a collectible context that shares the
/// test's Mediator and dependency injection assemblies.
/// </summary>
internal static class CompiledApp
{
    public static Task<string> RunAsync(GeneratorRun run, params byte[][] referencedImages)
    {
        Assert.Empty(run.CompilationErrors);
        return RunAsync(run.Output, referencedImages);
    }

    /// <summary>Emits <paramref name="compilation"/> (user and generated code) and runs it; fails on any error the emit reports.</summary>
    public static Task<string> RunAsync(Compilation compilation, params byte[][] referencedImages)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return RunImageAsync(stream.ToArray(), referencedImages);
    }

    /// <summary>Runs an emitted app image.</summary>
    public static async Task<string> RunImageAsync(byte[] image, params byte[][] referencedImages)
    {
        var context = new AssemblyLoadContext("compiled-app", isCollectible: true);
        try
        {
            foreach (var referenced in referencedImages)
            {
                context.LoadFromStream(new MemoryStream(referenced));
            }

            var assembly = context.LoadFromStream(new MemoryStream(image));
            var entry = assembly.GetType("App.Entry")?.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException("App.Entry.Run() not found");
            return await (Task<string>)entry.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Compiles a library that a test app references, as an image and a metadata reference.</summary>
    public static (byte[] Image, MetadataReference Reference) Library(string assemblyName, params string[] sources)
    {
        var compilation = GeneratorRun.CreateCompilation(sources, assemblyName: assemblyName);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return (stream.ToArray(), MetadataReference.CreateFromImage(stream.ToArray()));
    }
}
