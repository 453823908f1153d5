using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// MED0070 (issue 21, item 2): a request whose cached answer is declared the same for every caller
/// (<c>[Cache(SharedAcrossCallers = true)]</c>) has a handler that takes the caller, directly or through classes up to
/// three deep; with the near misses (not shared, no caller, an interface, too deep).
/// </summary>
public sealed class SharedCacheCallerTests
{
    /// <summary>ASP.NET Core's types by their full names: the check recognises them by name, as it would the real ones.</summary>
    private const string AspNetCore = """
        namespace Microsoft.AspNetCore.Http
        {
            public abstract class HttpContext { }
            public interface IHttpContextAccessor { HttpContext? HttpContext { get; } }
        }
        """;

    private const string Services = """
        namespace App
        {
            public sealed class CurrentUser { public CurrentUser(Microsoft.AspNetCore.Http.IHttpContextAccessor http) { } }
            public sealed class Orders { public Orders(CurrentUser user) { } }
            public sealed class OrdersReport { public OrdersReport(Orders orders) { } }
            public interface ICurrentUser { }
            public sealed class Clock { public Clock() { } }
            public sealed class MyCaller : Mediator.BuiltIns.ICallerAccessor { public System.Security.Claims.ClaimsPrincipal? Caller => null; }
        }
        """;

    private static string Request(string cache) => Sources.Usings + $$"""
        namespace App;
        {{cache}}
        public sealed record GetOrders(int Page) : IRequest<int>;
        """;

    private static string Handler(string constructor) => Sources.Usings + $$"""
        namespace App;
        [Handler]
        public sealed class GetOrdersHandler : IRequestHandler<GetOrders, int>
        {
            public GetOrdersHandler({{constructor}}) { }
            public ValueTask<int> Handle(GetOrders request, CancellationToken cancellationToken) => new(1);
        }
        """;

    private const string Shared = "[Mediator.Caching.Cache(DurationSeconds = 60, SharedAcrossCallers = true)]";

    private static GeneratorRun Run(string cache, string constructor) => GeneratorRun.For(AspNetCore, Services, Request(cache), Handler(constructor));

    [Fact]
    public void A_shared_answer_whose_handler_takes_the_caller_accessor_is_reported_on_the_parameter()
    {
        var run = Run(Shared, "Mediator.BuiltIns.ICallerAccessor caller, Clock clock");

        var diagnostic = Assert.Single(Med0070(run));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("caller", SpanText(diagnostic));
        Assert.Equal(
            "'App.GetOrders' is cached with [Cache(SharedAcrossCallers = true)], so one answer is given to every caller, but its handler 'App.GetOrdersHandler' takes 'Mediator.BuiltIns.ICallerAccessor' ('caller'), which reads the current caller: one user's answer would reach another. Remove SharedAcrossCallers (the key then includes the caller), or stop reading the caller in the handler.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("https://github.com/mediator-net/mediator/blob/main/docs/diagnostics/MED0070.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Empty(run.CompilationErrors);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Http.IHttpContextAccessor http", "http")]
    [InlineData("Microsoft.AspNetCore.Http.HttpContext context", "context")]
    [InlineData("System.Security.Claims.ClaimsPrincipal user", "user")]
    [InlineData("System.Security.Principal.IPrincipal user", "user")]
    [InlineData("MyCaller caller", "caller")]
    public void Every_type_that_gives_the_caller_is_recognised(string constructor, string parameter)
    {
        var run = Run(Shared, constructor);

        Assert.Equal(parameter, SpanText(Assert.Single(Med0070(run))));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void A_class_that_takes_the_caller_is_followed_and_the_message_names_the_path()
    {
        var run = Run(Shared, "Orders orders");

        var diagnostic = Assert.Single(Med0070(run));
        Assert.Equal("orders", SpanText(diagnostic));
        Assert.Contains(
            "takes 'App.Orders' ('orders'), through 'App.CurrentUser' -> 'Microsoft.AspNetCore.Http.IHttpContextAccessor', which reads the current caller",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Mediator.Caching.Cache(DurationSeconds = 60)]", "Mediator.BuiltIns.ICallerAccessor caller")] // keyed per caller: nothing to warn about
    [InlineData("[Mediator.Caching.Cache(SharedAcrossCallers = false)]", "Mediator.BuiltIns.ICallerAccessor caller")]
    [InlineData("", "Mediator.BuiltIns.ICallerAccessor caller")] // not cached at all
    [InlineData(Shared, "Clock clock")] // shared, and the handler takes nothing of the caller
    [InlineData(Shared, "ICurrentUser user")] // an interface: its implementation is chosen at run time
    [InlineData(Shared, "OrdersReport report")] // the caller is four classes deep, beyond what is followed
    public void Near_misses_are_not_reported(string cache, string constructor)
    {
        var run = Run(cache, constructor);

        Assert.Empty(Med0070(run));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void The_nearest_cache_attribute_on_a_base_class_decides()
    {
        var run = GeneratorRun.For(AspNetCore, Services, Sources.Usings + $$"""
            namespace App;
            {{Shared}}
            public abstract record CachedRead : IRequest<int>;
            public sealed record GetOrders(int Page) : CachedRead;
            """, Handler("Mediator.BuiltIns.ICallerAccessor caller"));

        Assert.Equal("caller", SpanText(Assert.Single(Med0070(run))));
    }

    private static List<Diagnostic> Med0070(GeneratorRun run) => run.GeneratorDiagnostics.Where(d => d.Id == "MED0070").ToList();

    private static string SpanText(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
