using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Code the compiler rejects: the generator leaves out what names a broken type, adds no error of its own (no MED
/// diagnostic, nothing in generated code), and its diagnostics come back once the code compiles. Each with a near miss.
/// </summary>
public sealed class ErrorRecoveryTests
{
    private const string Audited = """
        namespace App;
        public sealed class Ping : IRequest<int> { }
        public sealed class Pong : IRequest<int> { }
        [Handler]
        public sealed class Handlers : IRequestHandler<Ping, int>, IRequestHandler<Pong, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            public ValueTask<int> Handle(Pong request, CancellationToken cancellationToken) => new(2);
        }
        [Middleware]
        public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IAuditedThing
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    /// <summary>One CS0246 in a constraint once put the middleware in every pipeline: 624 errors in one repository.</summary>
    [Fact]
    public void A_middleware_constrained_on_a_type_that_does_not_resolve_is_in_no_pipeline_and_nothing_is_added()
    {
        var run = GeneratorRun.For(Sources.Usings + Audited);

        Assert.Equal("CS0246", Assert.Single(run.Input.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error).Id);
        UnsupportedShapeTests.AssertOnlyTheCompilersErrors(run);
        Assert.Single(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("global::App.Audit<"));
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.PingPipeline.g.cs");
    }

    [Fact]
    public void A_middleware_constrained_on_a_type_near_miss_the_constraint_resolves_and_wraps_only_what_satisfies_it()
    {
        var run = GeneratorRun.For(Sources.Usings + Audited.Replace(
            "public sealed class Ping : IRequest<int> { }",
            "public interface IAuditedThing { }\npublic sealed class Ping : IRequest<int>, IAuditedThing { }"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("global::App.Audit<", run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text);
        Assert.DoesNotContain("global::App.Audit<", run.GeneratedSources.Single(s => s.HintName == "Mediator.PongPipeline.g.cs").Text);
    }

    /// <summary>
    /// A response that does not resolve, and a handler that answers another type: the compiler reports CS0246 on the
    /// response and CS0311 on the handler. The generator writes neither the message nor the handler into generated code.
    /// </summary>
    [Fact]
    public void A_response_that_does_not_resolve_and_a_handler_for_another_response_add_no_error()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<List<Missing>> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0246");
        UnsupportedShapeTests.AssertOnlyTheCompilersErrors(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("global::App.Ping"));
    }

    public static TheoryData<string, string> BrokenDeclarations => new()
    {
        {
            "a response type argument that does not resolve, nested in a generic type",
            """
            namespace App;
            public sealed class Ping : IRequest<System.Collections.Generic.List<Missing>> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, System.Collections.Generic.List<Missing>>
            {
                public ValueTask<System.Collections.Generic.List<Missing>> Handle(Ping request, CancellationToken cancellationToken) => default;
            }
            """
        },
        {
            "a handler contract whose request is not an IRequest of its response",
            """
            namespace App;
            public sealed class Quote : IRequest<string> { }
            [Handler]
            public sealed class QuoteHandler : IRequestHandler<Quote, int>
            {
                public ValueTask<int> Handle(Quote request, CancellationToken cancellationToken) => new(1);
            }
            """
        },
        {
            "a class whose name a syntax error removed",
            """
            namespace App;
            public sealed class  : IRequest<int> { }
            [Handler]
            public sealed class  : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """
        },
        {
            "a positional record without a name",
            """
            namespace App;
            public sealed record (int X) : IRequest<int>;
            """
        },
        {
            "a namespace without a name",
            """
            namespace
            {
                public sealed class Ping : IRequest<int> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
            }
            """
        },
        {
            "a dotted namespace with a missing part",
            """
            namespace App.
            {
                public sealed class Ping : IRequest<int> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
            }
            """
        },
        {
            "a per-message middleware whose constructor takes a type that does not resolve",
            """
            namespace App;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class LimitAttribute : System.Attribute { }
            [Limit]
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware]
            public sealed class Limited<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public Limited(LimitAttribute limit, MissingService service) { }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """
        },
        {
            "a middleware whose InvokeAsync constraint does not resolve",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware]
            public sealed class Loose<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INxt<TRequest, TResponse> => default;
            }
            """
        },
        {
            "a middleware whose InvokeAsync constraint differs from the contract's",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware]
            public sealed class Swapped<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TResponse, TRequest> => default;
            }
            """
        },
        {
            "an attribute whose constructor is not accessible where it is applied, configuring a middleware",
            """
            namespace App;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class LimitAttribute : System.Attribute { LimitAttribute(int perMinute) { } }
            [Limit(5)]
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware(Concern = "Limits")]
            public sealed class Limited<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public Limited(LimitAttribute limit) { }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """
        },
        {
            // Found by the fuzz test (a lost brace merged two classes): a direct call to either method was ambiguous, CS0121 in generated code.
            "a middleware declaring InvokeAsync twice (CS0111)",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware]
            public sealed class Twice<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
                public ValueTask<TResponse> InvokeAsync<TNextStep>(TRequest message, TNextStep next, MessageContext context)
                    where TNextStep : struct, INext<TRequest, TResponse> => next.InvokeAsync(message, context);
            }
            """
        },
        {
            "a notification middleware declaring InvokeAsync twice (CS0111)",
            """
            namespace App;
            public sealed class Joined : INotification { }
            [Handler]
            public sealed class Welcome : INotificationHandler<Joined>
            {
                public ValueTask Handle(Joined notification, CancellationToken cancellationToken) => default;
            }
            [Middleware]
            public sealed class Timing<TNotification> : INotificationMiddleware<TNotification>
                where TNotification : INotification
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
            }
            """
        },
        {
            "an unsealed handler declaring Handle twice (CS0111)",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                public ValueTask<int> Handle(Ping ping, CancellationToken token) => new(2);
            }
            """
        },
        {
            "a misspelt Handler attribute",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handlr]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """
        },
        {
            "a typeof in UseMiddleware that does not resolve",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class Orphan : IRequest<int> { }
            [Handler]
            [UseMiddleware(typeof(Missing<,>))]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """
        },
        {
            "a syntax error in a handler's attribute list",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler(]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware(Order = 1)] public sealed class A<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            [Middleware(Order = 1)] public sealed class B<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """
        },
        {
            "a lost brace that nests the next class",
            """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);

            public sealed class Pong : IRequest<int> { }
            """
        },
    };

    [Theory]
    [MemberData(nameof(BrokenDeclarations))]
    public void A_declaration_the_compiler_rejects_adds_no_error_of_the_generators(string description, string source)
    {
        var run = GeneratorRun.For(Sources.Usings + source);

        Assert.True(run.Input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error), description + ": the input must not compile");
        UnsupportedShapeTests.AssertOnlyTheCompilersErrors(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("global::."));
    }

    /// <summary>The near miss of a method declared twice: an overload with other parameters leaves the direct call unambiguous.</summary>
    [Fact]
    public async Task A_middleware_with_an_InvokeAsync_overload_of_other_parameters_near_miss_is_called_directly_and_runs()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                public ValueTask<int> Handle(Ping request) => new(2);
            }
            [Middleware]
            public sealed class Overloaded<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, default!);
            }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var sender = provider.GetRequiredService<ISender>();
                    return (await sender.Send(new Ping())).ToString();
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        var pipeline = run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text;
        Assert.DoesNotContain("((global::Mediator.IRequestMiddleware<", pipeline);
        Assert.DoesNotContain("((global::Mediator.IRequestHandler<", pipeline);
        Assert.Equal("1", await CompiledApp.RunAsync(run));
    }

    private const string RequestOverList = Sources.Usings + """
        using System.Collections.Generic;
        namespace App;
        public sealed class Ping : IRequest<List<ITEM>> { }
        [Handler]
        public sealed class PingHandler : IRequestHandler<Ping, RESPONSE>
        {
            public ValueTask<RESPONSE> Handle(Ping request, CancellationToken cancellationToken) => new(default(RESPONSE)!);
        }
        """;

    /// <summary>
    /// Left over from the type printer's branch: the request's own <c>IRequest&lt;List&lt;Missing&gt;&gt;</c> does not resolve,
    /// and the handler's contract <c>IRequestHandler&lt;Ping, int&gt;</c> breaks its constraint (CS0311 on the user's base
    /// list). Generated code that named the contract repeated that CS0311; now the contract is left out, nothing names
    /// Ping, and the generator says nothing.
    /// </summary>
    [Fact]
    public void A_handler_contract_breaking_the_constraint_of_a_request_over_a_missing_type_is_not_repeated_in_generated_code()
    {
        var run = GeneratorRun.For(RequestOverList.Replace("ITEM", "Missing").Replace("RESPONSE", "int"));

        var errors = run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.Contains("CS0246", errors);
        Assert.Contains("CS0311", errors);
        UnsupportedShapeTests.AssertOnlyTheCompilersErrors(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("global::App.Ping"));
    }

    [Fact]
    public void A_handler_contract_over_a_request_over_a_list_near_miss_the_types_resolve_and_agree()
    {
        var run = GeneratorRun.For(RequestOverList.Replace("ITEM", "int").Replace("RESPONSE", "List<int>"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("global::App.PingHandler", run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text);
    }

    [Fact]
    public void An_attribute_with_an_internal_constructor_near_miss_configures_the_middleware()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class LimitAttribute : System.Attribute { internal LimitAttribute(int perMinute) { } }
            [Limit(5)]
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware]
            public sealed class Limited<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public Limited(LimitAttribute limit) { }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.Text.Contains("new global::App.LimitAttribute((int)(5))"));
    }

    /// <summary>
    /// The near miss of the silence: an error inside a method body leaves every declaration the generator reads intact,
    /// so its diagnostics stay (here MED0001 for a request nobody handles, and MED0017 for two middlewares with one order).
    /// </summary>
    [Fact]
    public void Errors_inside_method_bodies_leave_the_generators_diagnostics_on()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class Orphan : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { int x = "text"; return new(1) }
            }
            [Middleware(Order = 1)] public sealed class A<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context, Missing.Value);
            }
            [Middleware(Order = 1)] public sealed class B<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS1002");
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0029");
        Assert.Equal(new[] { "MED0001", "MED0017", "MED0017" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    /// <summary>
    /// As in an IDE, one driver across edits: a syntax error typed into a declaration silences the generator, one typed
    /// into a method body does not (its discoveries stay cached, and so must its silence or speech), and fixing the
    /// declaration brings the diagnostics back.
    /// </summary>
    [Fact]
    public void Typing_a_syntax_error_and_fixing_it_turns_the_diagnostics_off_and_on_again()
    {
        const string Valid = Sources.Usings + """
            namespace App;
            public sealed class Orphan : IRequest<int> { }
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { return new(1); }
            }
            """;
        var states = new[]
        {
            Valid,
            Valid.Replace("[Handler]", "[Handler("),
            Valid,
            Valid.Replace("return new(1); }", "return new(1) }"),
            Valid,
        };

        var driver = GeneratorRun.CreateDriver();
        var compilation = GeneratorRun.CreateCompilation(new[] { states[0] });
        var reported = new List<string>();
        foreach (var state in states)
        {
            var old = compilation.SyntaxTrees.Single();
            compilation = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(state, GeneratorRun.ParseOptions, path: old.FilePath));
            var run = GeneratorRun.Run(driver, compilation);
            driver = run.Driver;
            reported.Add(string.Join(",", run.GeneratorDiagnostics.Select(d => d.Id)));
            Assert.Empty(run.DiagnosticsInGeneratedCode);
        }

        Assert.Equal(new[] { "MED0001", string.Empty, "MED0001", "MED0001", "MED0001" }, reported);
    }

    [Fact]
    public void The_generators_diagnostics_come_back_when_the_declaration_is_fixed()
    {
        var broken = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Orphan : IRequest<int> { }
            [Handlr]
            public sealed class Unrelated { }
            """);
        var fixedRun = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Orphan : IRequest<int> { }
            [Handler]
            public sealed class Unrelated { }
            """);

        Assert.Empty(broken.GeneratorDiagnostics);
        Assert.Equal(new[] { "MED0001", "MED0006" }, fixedRun.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
    }
}
