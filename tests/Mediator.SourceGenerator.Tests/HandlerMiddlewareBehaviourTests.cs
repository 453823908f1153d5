using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>A middleware from a referenced assembly named on one handler: compiled through the generator and run.</summary>
public sealed class HandlerMiddlewareBehaviourTests
{
    [Fact]
    public async Task A_referenced_middleware_named_on_a_handler_wraps_that_handler_and_no_other()
    {
        var (image, reference) = CompiledApp.Library("StampLib", """
            using System.Threading.Tasks;
            using Mediator;
            namespace Lib;
            public interface IStampSink { void Add(string line); }
            [Middleware(Order = 50)]
            public sealed class Stamp<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                private readonly IStampSink _sink;
                public Stamp(IStampSink sink) => _sink = sink;
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    _sink.Add("stamp " + typeof(TRequest).Name);
                    return next.InvokeAsync(request, context);
                }
            }
            """);
        var app = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public sealed class Sink : Lib.IStampSink { public List<string> Lines { get; } = new(); public void Add(string line) => Lines.Add(line); }
            public sealed class Ping : IRequest<int> { }
            public sealed class Pong : IRequest<int> { }
            [Handler]
            [UseMiddleware(typeof(Lib.Stamp<,>))]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                private readonly Sink _sink;
                public PingHandler(Sink sink) => _sink = sink;
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { _sink.Add("ping"); return new(1); }
            }
            [Handler]
            public sealed class PongHandler : IRequestHandler<Pong, int>
            {
                private readonly Sink _sink;
                public PongHandler(Sink sink) => _sink = sink;
                public ValueTask<int> Handle(Pong request, CancellationToken cancellationToken) { _sink.Add("pong"); return new(2); }
            }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddSingleton<Lib.IStampSink>(sp => sp.GetRequiredService<Sink>());
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    await mediator.Send(new Ping());
                    await mediator.Send(new Pong());
                    return string.Join(",", provider.GetRequiredService<Sink>().Lines);
                }
            }
            """;

        var run = GeneratorRun.For(new[] { app }, new[] { reference });

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("stamp Ping,ping,pong", await CompiledApp.RunAsync(run, image));
        Assert.Contains(
            "Lib.Stamp&lt;TRequest, TResponse&gt; (handler, order 50) -> App.PingHandler.",
            run.GeneratedSources.Single(s => s.HintName == "Mediator.g.cs").Text);
    }
}
