using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// A user name that the generated mediator would collide with is reported once, as MED0035 on the user's code, and
/// nothing is generated (so the build shows that error, not CS0101 or CS0436 inside generated files); the MSBuild
/// properties <c>MediatorClassName</c> and <c>MediatorNamespace</c> rename the generated class, and then it builds and
/// runs. Each case also has a near miss that must not be reported.
/// </summary>
public sealed class NameClashTests
{
    /// <summary>A request handled in namespace App, and an entry point that sends it through <paramref name="mediator"/>, registered by <paramref name="register"/>.</summary>
    private static string PingApp(string mediator = "TestApp.Mediator", string register = "AddMediator") => Sources.Usings + $$"""
        using Microsoft.Extensions.DependencyInjection;
        namespace App
        {
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(42);
            }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.{{register}}();
                    using var provider = services.BuildServiceProvider();
                    var typed = provider.GetRequiredService<{{mediator}}>();
                    var viaInterface = provider.GetRequiredService<IMediator>();
                    return await typed.Send(new Ping()) + " " + await viaInterface.Send(new Ping());
                }
            }
        }
        """;

    /// <summary>A request and its handler, without an entry point: with nothing generated, only the clash itself is an error.</summary>
    private const string PingOnly = Sources.Usings + """
        namespace App
        {
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(42);
            }
        }
        """;

    private static readonly Dictionary<string, string> RenamedClass = new() { ["MediatorClassName"] = "AppMediator" };

    private static readonly Dictionary<string, string> RenamedNamespace = new() { ["MediatorNamespace"] = "TestApp.Messaging" };

    /// <summary>The one MED0035 of the run, on the text <paramref name="at"/> in the user's code; nothing generated, nothing else wrong.</summary>
    private static Diagnostic AssertClash(GeneratorRun run, string? at)
    {
        var clash = Assert.Single(run.GeneratorDiagnostics);
        Assert.True(clash.Id == "MED0035", clash.ToString());
        Assert.Equal(DiagnosticSeverity.Error, clash.Severity);
        if (at is null)
        {
            Assert.Equal(Location.None, clash.Location);
        }
        else
        {
            Assert.Equal(at, clash.Location.SourceTree!.GetText().ToString(clash.Location.SourceSpan));
        }

        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        return clash;
    }

    [Fact]
    public void A_class_named_Mediator_in_the_root_namespace_is_reported_on_the_class()
    {
        var run = GeneratorRun.For(PingOnly, "namespace TestApp { public class Mediator { } }");

        var clash = AssertClash(run, "Mediator");
        Assert.Equal(
            "Class 'TestApp.Mediator' has the name of the generated mediator class 'TestApp.Mediator'; the mediator is not generated until one of them is renamed: rename yours, or set <MediatorClassName> (or <MediatorNamespace>) in the project file",
            clash.GetMessage());
        Assert.Empty(run.CompilationErrors);
    }

    [Theory]
    [InlineData("public partial class Mediator { }")]
    [InlineData("public struct Mediator { }")]
    [InlineData("public interface Mediator { }")]
    [InlineData("public enum Mediator { A }")]
    [InlineData("public delegate void Mediator();")]
    [InlineData("public record Mediator;")]
    public void Every_kind_of_type_named_Mediator_in_the_root_namespace_is_reported(string declaration)
    {
        var run = GeneratorRun.For(PingApp(), "namespace TestApp { " + declaration + " }");

        AssertClash(run, "Mediator");
    }

    [Fact]
    public async Task Renaming_the_generated_class_resolves_the_clash_and_the_registration_follows_the_name()
    {
        var run = GeneratorRun.WithProperties(RenamedClass, new[] { PingApp("TestApp.AppMediator", "AddAppMediator"), "namespace TestApp { public class Mediator { } }" });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task Moving_the_generated_class_to_another_namespace_resolves_the_clash()
    {
        var run = GeneratorRun.WithProperties(RenamedNamespace, new[] { PingApp("TestApp.Messaging.Mediator"), "namespace TestApp { public class Mediator { } }" });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task Near_miss_types_named_Mediator_with_type_parameters_or_elsewhere_and_a_Unit_in_the_root_namespace_build()
    {
        var run = GeneratorRun.For(
            PingApp(),
            "namespace TestApp { public class Mediator<T> { } public class Unit { } public class PipelineCache { } public class Resolve { } }",
            "namespace TestApp.Sub { public class Mediator { } }",
            "namespace Other { public class Mediator { } }");

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public void A_namespace_inside_the_root_namespace_named_Mediator_is_reported_on_its_declaration()
    {
        var run = GeneratorRun.For(PingApp(), "namespace TestApp.Mediator { public class Tool { } }");

        var clash = AssertClash(run, "Mediator");
        Assert.StartsWith("Namespace 'TestApp.Mediator' has the name of the generated mediator class 'TestApp.Mediator'", clash.GetMessage());
    }

    [Fact]
    public async Task A_namespace_Mediator_inside_the_root_namespace_builds_once_the_class_is_renamed()
    {
        var run = GeneratorRun.WithProperties(RenamedClass, new[] { PingApp("TestApp.AppMediator", "AddAppMediator"), "namespace TestApp.Mediator { public class Tool { } }" });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public void A_type_named_like_a_segment_of_the_generated_namespace_is_reported()
    {
        // namespace TestApp.Messaging { class Mediator } cannot be declared when TestApp.Messaging is a class.
        var run = GeneratorRun.WithProperties(RenamedNamespace, new[] { PingApp("TestApp.Messaging.Mediator"), "namespace TestApp { public static class Messaging { } }" });

        var clash = AssertClash(run, "Messaging");
        Assert.StartsWith("Class 'TestApp.Messaging' has the name of the generated mediator's namespace 'TestApp.Messaging'", clash.GetMessage());
    }

    [Fact]
    public void A_type_named_Mediator_in_the_global_namespace_hides_the_library_from_generated_code_and_is_reported()
    {
        // global::Mediator.IMediator would bind to this class (CS0437, then CS0426 in every generated file).
        var run = GeneratorRun.For(PingApp(), "public class Mediator { }");

        var clash = AssertClash(run, "Mediator");
        Assert.StartsWith("Class 'Mediator' has the name of namespace 'Mediator', which the generated code names", clash.GetMessage());
    }

    /// <summary>
    /// Found by the fuzz test: a token swap turned 'using Mediator;' into 'struct Mediator;' (and 'using System;' into
    /// 'record System;'). One diagnostic per situation: a global type hiding a namespace is a name clash (MED0035), never
    /// also a redeclared library type (MED0039), which is about the library's own full names.
    /// </summary>
    [Fact]
    public void Global_types_named_Mediator_and_System_are_each_one_name_clash_and_nothing_else()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, "public struct Mediator { }", "public record System;");

        Assert.Equal(
            new[]
            {
                "Record 'System' has the name of namespace 'System', which the generated code names",
                "Struct 'Mediator' has the name of namespace 'Mediator', which the generated code names",
            },
            run.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(';')[0]).OrderBy(m => m, StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("MED0035", d.Id));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void Near_miss_a_type_named_Mediator_inside_another_namespace_or_a_generic_System_in_the_global_one()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, "namespace Other { public sealed class Mediator { } }", "public sealed class System<T> { }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.NotEmpty(run.GeneratedSources);
    }

    [Fact]
    public void A_qualified_Mediator_name_in_a_base_list_inside_the_root_namespace_is_reported_on_the_name()
    {
        // Inside namespace TestApp, 'Mediator' is the generated class before it is the library's namespace: CS0426.
        var run = GeneratorRun.For(PingOnly, """
            namespace TestApp
            {
                public sealed class Pong : Mediator.IRequest<int> { }
                [Mediator.Handler]
                public sealed class PongHandler : Mediator.IRequestHandler<Pong, int>
                {
                    public System.Threading.Tasks.ValueTask<int> Handle(Pong request, System.Threading.CancellationToken cancellationToken) => new(1);
                }
            }
            """);

        Assert.Equal(3, run.GeneratorDiagnostics.Length);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("MED0035", d.Id));
        Assert.Equal(
            new[] { "Mediator.IRequest<int>", "Mediator.Handler", "Mediator.IRequestHandler<Pong, int>" },
            run.GeneratorDiagnostics.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.Equal(
            "'Mediator.IRequest<int>' inside namespace 'TestApp' names the generated mediator class 'TestApp.Mediator', not namespace 'Mediator'; the mediator is not generated until one of them is renamed: write 'global::Mediator...', or put the using directive before the namespace, or set <MediatorClassName> in the project file",
            run.GeneratorDiagnostics[0].GetMessage());
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void A_using_Mediator_inside_the_root_namespace_is_reported_on_the_using()
    {
        var run = GeneratorRun.For(PingOnly, """
            namespace TestApp.Orders
            {
                using Mediator;
                public sealed class Pong : IRequest<int> { }
                [Handler]
                public sealed class PongHandler : IRequestHandler<Pong, int>
                {
                    public System.Threading.Tasks.ValueTask<int> Handle(Pong request, System.Threading.CancellationToken cancellationToken) => new(1);
                }
            }
            """);

        var clash = AssertClash(run, "Mediator");
        Assert.StartsWith("'Mediator' inside namespace 'TestApp.Orders' names the generated mediator class 'TestApp.Mediator', not namespace 'Mediator'", clash.GetMessage());
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void A_using_Mediator_after_a_file_scoped_root_namespace_is_reported()
    {
        var run = GeneratorRun.For(PingOnly, """
            namespace TestApp;
            using Mediator;
            public sealed class Pong : IRequest<int> { }
            [Handler]
            public sealed class PongHandler : IRequestHandler<Pong, int>
            {
                public System.Threading.Tasks.ValueTask<int> Handle(Pong request, System.Threading.CancellationToken cancellationToken) => new(1);
            }
            """);

        AssertClash(run, "Mediator");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public async Task Near_miss_Mediator_names_that_still_bind_to_the_library_are_not_reported()
    {
        // Usings before the namespace, global::, aliases, and qualified names in namespaces outside the root one all keep
        // meaning the library: the generated TestApp.Mediator is not in their lookup.
        var run = GeneratorRun.For(PingApp(), """
            using Mediator;
            using M = Mediator;
            namespace TestApp
            {
                public sealed class Pong : global::Mediator.IRequest<int> { }
                [Handler]
                public sealed class PongHandler : M.IRequestHandler<Pong, int>
                {
                    public System.Threading.Tasks.ValueTask<int> Handle(Pong request, System.Threading.CancellationToken cancellationToken) => new(1);
                }
            }
            namespace Elsewhere
            {
                using Mediator;
                public sealed class Pang : Mediator.IRequest<int> { }
                [Mediator.Handler]
                public sealed class PangHandler : IRequestHandler<Pang, int>
                {
                    public System.Threading.Tasks.ValueTask<int> Handle(Pang request, System.Threading.CancellationToken cancellationToken) => new(1);
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task A_using_Mediator_inside_the_root_namespace_builds_once_the_class_is_renamed()
    {
        var run = GeneratorRun.WithProperties(RenamedClass, new[]
        {
            PingApp("TestApp.AppMediator", "AddAppMediator"),
            """
            namespace TestApp
            {
                using Mediator;
                public sealed class Pong : Mediator.IRequest<int> { }
                [Handler]
                public sealed class PongHandler : IRequestHandler<Pong, int>
                {
                    public System.Threading.Tasks.ValueTask<int> Handle(Pong request, System.Threading.CancellationToken cancellationToken) => new(1);
                }
            }
            """,
        });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public void A_type_named_like_the_generated_registration_class_is_reported()
    {
        var run = GeneratorRun.For(PingApp(), "namespace Microsoft.Extensions.DependencyInjection { internal static class GeneratedMediatorServiceCollectionExtensions { } }");

        AssertClash(run, "GeneratedMediatorServiceCollectionExtensions");
    }

    [Fact]
    public void A_user_AddMediator_extension_that_a_call_could_also_mean_is_reported_on_the_method()
    {
        var run = GeneratorRun.For(PingApp(), """
            using Microsoft.Extensions.DependencyInjection;
            namespace App.Setup
            {
                public static class MyRegistrations
                {
                    public static IServiceCollection AddMediator(this IServiceCollection services, bool verbose = false) => services;
                }
            }
            """);

        var clash = AssertClash(run, "AddMediator");
        Assert.StartsWith("Method 'App.Setup.MyRegistrations.AddMediator(IServiceCollection, bool)' has the name of the generated registration method 'AddMediator(IServiceCollection)'", clash.GetMessage());
    }

    [Fact]
    public async Task Near_miss_an_AddMediator_that_needs_more_arguments_or_extends_another_type_is_not_reported()
    {
        var run = GeneratorRun.For(PingApp(), """
            using Microsoft.Extensions.DependencyInjection;
            namespace App.Setup
            {
                public static class MyRegistrations
                {
                    public static IServiceCollection AddMediator(this IServiceCollection services, string name) => services;
                    public static string AddMediator(this string text) => text;
                    public static void AddMediator(object notAnExtension) { }
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task A_user_AddMediator_extension_builds_once_the_class_is_renamed()
    {
        var run = GeneratorRun.WithProperties(RenamedClass, new[]
        {
            PingApp("TestApp.AppMediator", "AddAppMediator"),
            """
            using Microsoft.Extensions.DependencyInjection;
            namespace App.Setup
            {
                public static class MyRegistrations
                {
                    public static IServiceCollection AddMediator(this IServiceCollection services) => services;
                }
            }
            """,
        });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run));
    }

    /// <summary>A library built by the generator with root namespace <paramref name="rootNamespace"/>, so it holds a generated mediator; with InternalsVisibleTo("TestApp").</summary>
    private static (byte[] Image, MetadataReference Reference) GeneratedLibrary(string rootNamespace, bool internalsVisible)
    {
        var source = Sources.Usings + (internalsVisible ? "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"TestApp\")]\n" : string.Empty) + """
            namespace Lib
            {
                public sealed class LibPing : IRequest<int> { }
                [Handler]
                public sealed class LibPingHandler : IRequestHandler<LibPing, int>
                {
                    public ValueTask<int> Handle(LibPing request, CancellationToken cancellationToken) => new(7);
                }
            }
            """;
        var run = GeneratorRun.For(new[] { source }, Array.Empty<MetadataReference>(), rootNamespace);
        SnapshotTests.AssertClean(run);
        using var stream = new MemoryStream();
        Assert.True(run.Output.WithAssemblyName("Lib").Emit(stream).Success);
        return (stream.ToArray(), MetadataReference.CreateFromImage(stream.ToArray()));
    }

    [Fact]
    public void A_referenced_assembly_with_a_public_mediator_of_the_same_name_is_reported()
    {
        // Two projects with the same root namespace: every use of TestApp.Mediator would warn CS0436 in generated code.
        var library = GeneratedLibrary("TestApp", internalsVisible: false);
        var run = GeneratorRun.For(new[] { PingApp() }, new[] { library.Reference });

        var clash = AssertClash(run, null);
        Assert.StartsWith("Class 'TestApp.Mediator' from assembly 'Lib' has the name of the generated mediator class 'TestApp.Mediator'", clash.GetMessage());
    }

    [Fact]
    public async Task A_referenced_assembly_with_a_mediator_of_the_same_name_builds_once_this_one_is_moved()
    {
        var library = GeneratedLibrary("TestApp", internalsVisible: false);
        var run = GeneratorRun.WithProperties(RenamedNamespace, new[] { PingApp("TestApp.Messaging.Mediator") }, new[] { library.Reference });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run, library.Image));
    }

    [Fact]
    public void A_registration_visible_through_InternalsVisibleTo_is_reported_when_this_project_has_pipelines()
    {
        // The referenced project's AddMediator is internal but visible here: a second one would make every call ambiguous (CS0121).
        var library = GeneratedLibrary("Lib", internalsVisible: true);
        var run = GeneratorRun.For(new[] { PingApp() }, new[] { library.Reference });

        var clash = AssertClash(run, null);
        Assert.StartsWith("Method 'Microsoft.Extensions.DependencyInjection.GeneratedMediatorServiceCollectionExtensions.AddMediator(IServiceCollection)' from assembly 'Lib' has the name of the generated registration method 'AddMediator(IServiceCollection)'", clash.GetMessage());
    }

    [Fact]
    public async Task A_project_without_handlers_leaves_out_its_registration_when_a_referenced_one_is_visible()
    {
        // A test project with InternalsVisibleTo from the app: services.AddMediator() means the app's mediator.
        var library = GeneratedLibrary("Lib", internalsVisible: true);
        var run = GeneratorRun.For(new[]
        {
            Sources.Usings + """
                using Microsoft.Extensions.DependencyInjection;
                namespace App
                {
                    public static class Entry
                    {
                        public static async Task<string> Run()
                        {
                            var services = new ServiceCollection();
                            services.AddMediator();
                            using var provider = services.BuildServiceProvider();
                            return (await provider.GetRequiredService<Lib.Mediator>().Send(new Lib.LibPing())).ToString();
                        }
                    }
                }
                """,
        }, new[] { library.Reference });

        SnapshotTests.AssertClean(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "Mediator.ServiceCollectionExtensions.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.g.cs");
        Assert.Equal("7", await CompiledApp.RunAsync(run, library.Image));
    }

    [Fact]
    public async Task A_registration_visible_through_InternalsVisibleTo_builds_once_this_class_is_renamed()
    {
        var library = GeneratedLibrary("Lib", internalsVisible: true);
        var run = GeneratorRun.WithProperties(RenamedClass, new[] { PingApp("TestApp.AppMediator", "AddAppMediator") }, new[] { library.Reference });

        SnapshotTests.AssertClean(run);
        Assert.Equal("42 42", await CompiledApp.RunAsync(run, library.Image));
    }
}
