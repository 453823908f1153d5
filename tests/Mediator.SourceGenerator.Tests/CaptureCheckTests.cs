using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// MED0040, the capture checks (issue 18, item 2): a singleton handler or middleware whose constructor takes a handler or
/// middleware this mediator registers as scoped or transient, or an EF Core DbContext; with the near misses.
/// </summary>
public sealed class CaptureCheckTests
{
    /// <summary>EF Core's types by their full names: the check recognises DbContext by name, as it would the real one.</summary>
    private const string EfCore = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext { }
            public interface IDbContextFactory<TContext> where TContext : DbContext { TContext CreateDbContext(); }
        }
        namespace App
        {
            public class AppDb : Microsoft.EntityFrameworkCore.DbContext { }
            public sealed class ShopDb : AppDb { }
        }
        """;

    private const string Ping = Sources.Usings + """
        namespace App;
        public sealed record Ping : IRequest<int>;
        public sealed record Pong : IRequest<int>;
        """;

    private static string Handler(string name, string message, string constructor, string attribute = "[Handler]") => Sources.Usings + $$"""
        namespace App;
        {{attribute}}
        public sealed class {{name}} : IRequestHandler<{{message}}, int>
        {
            public {{name}}({{constructor}}) { }
            public ValueTask<int> Handle({{message}} request, CancellationToken cancellationToken) => new(1);
        }
        """;

    private static string Middleware(string name, string constructor, string attribute = "[Middleware]") => Sources.Usings + $$"""
        namespace App;
        {{attribute}}
        public sealed class {{name}}<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        {
            public {{name}}({{constructor}}) { }
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    [Fact]
    public void A_singleton_handler_taking_a_DbContext_is_reported_on_the_parameter()
    {
        var run = GeneratorRun.For(EfCore, Ping, Handler("PingHandler", "Ping", "ShopDb db, System.IServiceProvider services"), Handler("PongHandler", "Pong", ""));

        var diagnostic = Assert.Single(Med0040(run));
        AssertDiagnostic(diagnostic, run, "db",
            "Handler 'App.PingHandler' is a singleton, but its constructor takes 'App.ShopDb' ('db'), an EF Core DbContext, which AddDbContext registers as scoped: a singleton keeps the one instance it is given and shares it between every dispatch for the life of the application; make it scoped ([Handler(Lifetime = ComponentLifetime.Scoped)]), or take IDbContextFactory<App.ShopDb> (AddDbContextFactory) and create one per dispatch");
    }

    [Fact]
    public void A_singleton_middleware_taking_a_DbContext_is_reported_on_the_parameter()
    {
        var run = GeneratorRun.For(EfCore, Ping, Handler("PingHandler", "Ping", ""), Middleware("Transaction", "Microsoft.EntityFrameworkCore.DbContext context"));

        var diagnostic = Assert.Single(Med0040(run));
        AssertDiagnostic(diagnostic, run, "context",
            "Middleware 'App.Transaction<TRequest, TResponse>' is a singleton, but its constructor takes 'Microsoft.EntityFrameworkCore.DbContext' ('context'), an EF Core DbContext, which AddDbContext registers as scoped: a singleton keeps the one instance it is given and shares it between every dispatch for the life of the application; make it scoped (Lifetime = ComponentLifetime.Scoped on its [Middleware] or [UseMiddleware]), or take IDbContextFactory<Microsoft.EntityFrameworkCore.DbContext> (AddDbContextFactory) and create one per dispatch");
    }

    [Theory]
    [InlineData("[Handler(Lifetime = ComponentLifetime.Scoped)]", "scoped")]
    [InlineData("[Handler(Lifetime = ComponentLifetime.Transient)]", "transient")]
    public void A_singleton_handler_taking_a_handler_this_mediator_registers_shorter_lived_is_reported(string attribute, string lifetime)
    {
        var run = GeneratorRun.For(Ping, Handler("PingHandler", "Ping", "PongHandler pong"), Handler("PongHandler", "Pong", "", attribute));

        var diagnostic = Assert.Single(Med0040(run));
        AssertDiagnostic(diagnostic, run, "pong",
            $"Handler 'App.PingHandler' is a singleton, but its constructor takes 'App.PongHandler' ('pong'), a handler this mediator registers as {lifetime}: a singleton keeps the one instance it is given and shares it between every dispatch for the life of the application; make it scoped ([Handler(Lifetime = ComponentLifetime.Scoped)]), or take IServiceScopeFactory and resolve it in a scope per dispatch");
    }

    [Fact]
    public void A_singleton_middleware_taking_a_scoped_middleware_or_handler_is_reported_for_each_in_order()
    {
        var run = GeneratorRun.For(
            Ping,
            Handler("PingHandler", "Ping", ""),
            Handler("PongHandler", "Pong", "", "[Handler(Lifetime = ComponentLifetime.Scoped)]"),
            Middleware("Inner", "", "[Middleware(Lifetime = ComponentLifetime.Scoped)]"),
            Middleware("Outer", "Inner<TRequest, TResponse> inner, PongHandler pong"));

        var diagnostics = Med0040(run);
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("inner", SpanText(diagnostics[0]));
        Assert.Contains("Middleware 'App.Outer<TRequest, TResponse>' is a singleton, but its constructor takes 'App.Inner<TRequest, TResponse>' ('inner'), a middleware this mediator registers as scoped:", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal("pong", SpanText(diagnostics[1]));
        Assert.Contains("takes 'App.PongHandler' ('pong'), a handler this mediator registers as scoped:", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_wide_default_lifetimes_decide_both_sides()
    {
        var scopedHandlers = "[assembly: Mediator.DefaultLifetimes(Handlers = Mediator.ComponentLifetime.Scoped)]";

        // Handlers scoped by default: a handler taking another is scoped too (no report); a singleton middleware taking one is reported.
        var run = GeneratorRun.For(scopedHandlers, Ping, Handler("PingHandler", "Ping", "PongHandler pong"), Handler("PongHandler", "Pong", ""), Middleware("Audit", "PongHandler pong"));

        var diagnostic = Assert.Single(Med0040(run));
        Assert.Contains("Middleware 'App.Audit<TRequest, TResponse>' is a singleton, but its constructor takes 'App.PongHandler' ('pong'), a handler this mediator registers as scoped", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_primary_constructor_parameter_is_reported_too()
    {
        var run = GeneratorRun.For(EfCore, Ping, Sources.Usings + """
            namespace App;
            [Handler]
            public sealed class PingHandler(AppDb db) : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(db.GetHashCode());
            }
            """);

        Assert.Equal("db", SpanText(Assert.Single(Med0040(run))));
    }

    [Theory]
    [InlineData("ShopDb db", "[Handler(Lifetime = ComponentLifetime.Scoped)]")]
    [InlineData("ShopDb db", "[Handler(Lifetime = ComponentLifetime.Transient)]")]
    [InlineData("Microsoft.Extensions.DependencyInjection.IServiceScopeFactory scopes", "[Handler]")]
    [InlineData("Microsoft.EntityFrameworkCore.IDbContextFactory<ShopDb> contexts", "[Handler]")]
    [InlineData("PongHandler pong", "[Handler]")]
    [InlineData("System.Func<ShopDb> later, ShopDb[] many, System.TimeProvider clock", "[Handler]")]
    public void Near_miss_a_scoped_or_transient_handler_a_factory_a_singleton_handler_and_what_the_generator_cannot_see(string constructor, string attribute)
    {
        var run = GeneratorRun.For(EfCore, Ping, Handler("PingHandler", "Ping", constructor, attribute), Handler("PongHandler", "Pong", ""));

        Assert.Empty(Med0040(run));
    }

    [Theory]
    [InlineData("[Middleware(Lifetime = ComponentLifetime.Scoped)]", "")]
    [InlineData("[Middleware(Lifetime = ComponentLifetime.Transient)]", "")]
    [InlineData("[Middleware]", "[assembly: DefaultLifetimes(Middleware = ComponentLifetime.Scoped)]")]
    public void Near_miss_a_scoped_or_transient_middleware_taking_a_DbContext(string attribute, string assemblyLine)
    {
        var run = GeneratorRun.For(EfCore, Sources.Usings + assemblyLine, Ping, Handler("PingHandler", "Ping", ""), Middleware("Transaction", "AppDb db", attribute));

        Assert.Empty(Med0040(run));
    }

    [Fact]
    public void Near_miss_a_middleware_made_scoped_where_a_handler_names_it()
    {
        var run = GeneratorRun.For(EfCore, Ping, Middleware("Transaction", "AppDb db", "[Middleware(Explicit = true)]"), Handler(
            "PingHandler", "Ping", "", "[Handler, UseMiddleware(typeof(Transaction<,>), Lifetime = ComponentLifetime.Scoped)]"));

        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.Text.Contains("App.Transaction<", StringComparison.Ordinal)); // it is in the pipeline
        Assert.Empty(Med0040(run));
    }

    private static List<Diagnostic> Med0040(GeneratorRun run)
        => run.GeneratorDiagnostics.Where(d => d.Id == "MED0040")
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();

    private static string SpanText(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static void AssertDiagnostic(Diagnostic diagnostic, GeneratorRun run, string spanText, string message)
    {
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(spanText, SpanText(diagnostic));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("https://github.com/mediator-net/mediator/blob/main/docs/diagnostics/MED0040.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(run.CompilationErrors);
    }
}
