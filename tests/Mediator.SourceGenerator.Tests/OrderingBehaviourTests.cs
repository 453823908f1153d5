using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Compiles user code through the generator and runs it: the resolved order, middleware added from a referenced
/// assembly with <c>[assembly: UseMiddleware]</c>, and per-message attribute configuration reaching the middleware.
/// </summary>
public sealed class OrderingBehaviourTests
{
    private const string Host = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public sealed class Sink { public List<string> Lines { get; } = new(); public void Add(string line) => Lines.Add(line); }

        public sealed class Ping : IRequest<int> { }

        [Handler]
        public sealed class PingHandler : IRequestHandler<Ping, int>
        {
            private readonly Sink _sink;
            public PingHandler(Sink sink) => _sink = sink;
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { _sink.Add("handler"); return new(1); }
        }
        """;

    private static string Logging(string name, string attributes) => $$"""
        {{attributes}}
        public sealed class {{name}}<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IRequest<TResponse>
        {
            private readonly Sink _sink;
            public {{name}}(Sink sink) => _sink = sink;
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                _sink.Add("{{name}}");
                return next.InvokeAsync(request, context);
            }
        }
        """;

    private const string Entry = """
        public static class Entry
        {
            public static async Task<string> Run()
            {
                var services = new ServiceCollection();
                services.AddSingleton<Sink>();
                services.AddMediator();
                using var provider = services.BuildServiceProvider();
                var mediator = provider.GetRequiredService<TestApp.Mediator>();
                await mediator.Send(new Ping());
                return string.Join(",", provider.GetRequiredService<Sink>().Lines);
            }
        }
        """;

    [Fact]
    public async Task RunsBefore_and_RunsAfter_decide_before_Order_which_breaks_ties()
    {
        // By Order alone: A, B, C. C must run before B, and A after C: C, A, B (A before B by Order, as nothing decides between them).
        var run = GeneratorRun.For(
            Host + Entry,
            Usings + Logging("A", "[Middleware(Order = 1)] [RunsAfter(typeof(C<,>))]"),
            Usings + Logging("B", "[Middleware(Order = 2)]"),
            Usings + Logging("C", "[Middleware(Order = 3)] [RunsBefore(typeof(B<,>))]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("C,A,B,handler", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task RunsBefore_a_concern_orders_against_every_middleware_providing_it()
    {
        var run = GeneratorRun.For(
            Host + Entry,
            Usings + Logging("Audit", "[Middleware(Order = 10)] [RunsBefore(Concerns.Caching)]"),
            Usings + Logging("Cache", "[Middleware(Order = 1, Concern = Concerns.Caching)]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("Audit,Cache,handler", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task UseMiddleware_adds_a_middleware_from_a_referenced_assembly_with_the_order_given_here()
    {
        var (image, reference) = CompiledApp.Library("StampLib", """
            using System;
            using System.Threading.Tasks;
            using Mediator;
            namespace Lib;
            public interface IStampSink { void Add(string line); }
            [Middleware(Order = 50, Concern = "Stamping")]
            public sealed class Stamp<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                private readonly IStampSink _sink;
                public Stamp(IStampSink sink) => _sink = sink;
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    _sink.Add("stamp");
                    return next.InvokeAsync(request, context);
                }
            }
            """);
        var app = Host.Replace("namespace App;", "[assembly: UseMiddleware(typeof(Lib.Stamp<,>), Order = -1)]\nnamespace App;") + """
            public sealed class StampSink : Lib.IStampSink { private readonly Sink _sink; public StampSink(Sink sink) => _sink = sink; public void Add(string line) => _sink.Add(line); }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddSingleton<Lib.IStampSink, StampSink>();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    await provider.GetRequiredService<TestApp.Mediator>().Send(new Ping());
                    return string.Join(",", provider.GetRequiredService<Sink>().Lines);
                }
            }
            """;

        var run = GeneratorRun.For(new[] { app, Usings + Logging("Local", "[Middleware]") }, new[] { reference });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("stamp,Local,handler", await CompiledApp.RunAsync(run, image));
        var mediator = run.GeneratedSources.Single(s => s.HintName == "Mediator.g.cs").Text;
        Assert.Contains(
            "Lib.Stamp&lt;TRequest, TResponse&gt; (global, order -1, concern Stamping, from [assembly: UseMiddleware]) -> App.Local&lt;TRequest, TResponse&gt; (global, order 0) -> App.PingHandler.",
            mediator);
    }

    [Fact]
    public async Task The_message_attribute_is_rebuilt_and_passed_to_the_middleware_that_asks_for_it()
    {
        var run = GeneratorRun.For(Usings + """
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Sink { public List<string> Lines { get; } = new(); public void Add(string line) => Lines.Add(line); }
            public interface IClock { }
            public enum Store { Memory, Disk }

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class CacheAttribute : Attribute
            {
                public CacheAttribute(int seconds, string region = "default") { Seconds = seconds; Region = region; }
                public int Seconds { get; }
                public string Region { get; }
                public Store Store { get; set; }
                public Type? Key { get; set; }
                public string[]? Tags { get; set; }
                public double Ratio;
            }

            [Cache(30, "eu\"west", Store = Store.Disk, Key = typeof(List<>), Tags = new[] { "a", "b" }, Ratio = -0.5)]
            public sealed class Ping : IRequest<int> { }
            public sealed class Plain : IRequest<int> { }
            [Cache(5)]
            public abstract class CachedBase { }
            public sealed class Inherited : CachedBase, IRequest<int> { }

            [Handler]
            public sealed class Handlers : IRequestHandler<Ping, int>, IRequestHandler<Plain, int>, IRequestHandler<Inherited, int>
            {
                private readonly Sink _sink;
                public Handlers(Sink sink) => _sink = sink;
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { _sink.Add("ping"); return new(1); }
                public ValueTask<int> Handle(Plain request, CancellationToken cancellationToken) { _sink.Add("plain"); return new(2); }
                public ValueTask<int> Handle(Inherited request, CancellationToken cancellationToken) { _sink.Add("inherited"); return new(3); }
            }

            [Middleware]
            public sealed class Caching<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                private readonly string _line;
                private readonly Sink _sink;
                public Caching(CacheAttribute cache, Sink sink, IClock? clock, int retries = 3)
                {
                    _sink = sink;
                    _line = $"cache {cache.Seconds} {cache.Region} {cache.Store} {cache.Key?.Name} {string.Join("/", cache.Tags ?? Array.Empty<string>())} {cache.Ratio.ToString(System.Globalization.CultureInfo.InvariantCulture)} clock={clock is not null} retries={retries}";
                }

                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    _sink.Add(_line);
                    return next.InvokeAsync(request, context);
                }
            }

            [Middleware(Order = -1)]
            public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                private readonly bool _cached;
                private readonly Sink _sink;
                public Audit(CacheAttribute? cache, Sink sink) { _cached = cache is not null; _sink = sink; }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    _sink.Add(_cached ? "audit cached" : "audit uncached");
                    return next.InvokeAsync(request, context);
                }
            }

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    await mediator.Send(new Ping());
                    await mediator.Send(new Plain());
                    await mediator.Send(new Inherited());
                    return string.Join(",", provider.GetRequiredService<Sink>().Lines);
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Assert.Equal(
            "audit cached,cache 30 eu\"west Disk List`1 a/b -0.5 clock=False retries=3,ping,"
            + "audit uncached,plain,"
            + "audit cached,cache 5 default Memory   0 clock=False retries=3,inherited",
            await CompiledApp.RunAsync(run));
    }

    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        namespace App;

        """;
}
