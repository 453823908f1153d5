using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Types a per-message configured middleware brings into generated code besides the message's: its constructor's
/// parameter types, closed over the pipeline's message and result, and the <c>typeof</c> arguments of the attribute it
/// is configured with, rebuilt as written.
/// </summary>
public sealed class ConfiguredMiddlewareTypeTests
{
    [Fact]
    public async Task Constructor_parameters_over_type_parameters_and_typeof_arguments_of_every_form_are_written_closed_and_exact()
    {
        var source = Sources.Usings + """
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class ShapeAttribute : Attribute
            {
                public ShapeAttribute(params Type[] types) => Types = types;
                public Type[] Types { get; }
            }

            public sealed class Outer<T> { public sealed class Inner<U> { } }
            public sealed class Sink<T> { public List<string> Lines { get; } = new(); }

            [Shape(typeof(int?), typeof((int, string)), typeof(int[,]), typeof(Outer<>.Inner<>), typeof(Outer<int>.Inner<string>), typeof(Dictionary<,>), typeof(@event))]
            public sealed class Ping : IRequest<int?> { }
            public sealed class @event { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int?>
            {
                public ValueTask<int?> Handle(Ping request, CancellationToken cancellationToken) => new(42);
            }

            [Middleware]
            public sealed class Describe<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                private readonly ShapeAttribute _shape;
                private readonly Sink<TResponse> _sink;
                private readonly Sink<(TRequest, TResponse[])>? _optional;

                public Describe(ShapeAttribute shape, Sink<TResponse> sink, Sink<(TRequest, TResponse[])>? optional = null)
                {
                    _shape = shape;
                    _sink = sink;
                    _optional = optional;
                }

                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    foreach (var type in _shape.Types) _sink.Lines.Add(type.ToString());
                    _sink.Lines.Add(_optional is null ? "no optional" : "optional"); // the container serves Sink<(Ping, int?[])> from Sink<>
                    return next.InvokeAsync(request, context);
                }
            }

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton(typeof(Sink<>));
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var answer = await provider.GetRequiredService<TestApp.Mediator>().Send(new Ping());
                    return answer + "|" + string.Join("|", provider.GetRequiredService<Sink<int?>>().Lines);
                }
            }
            """;

        var run = GeneratorRun.For(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        var registration = run.GeneratedSources.Where(s => s.HintName != "Mediator.Module.g.cs").Single(s => s.Text.Contains("new global::App.Describe<global::App.Ping, int?>(", StringComparison.Ordinal)).Text;
        Assert.Contains("GetRequiredService<global::App.Sink<int?>>(sp)", registration);
        Assert.Contains("GetServiceOr<global::App.Sink<(global::App.Ping, int?[])>?>(sp, default(global::App.Sink<(global::App.Ping, int?[])>?))", registration);
        Assert.Contains("typeof(int?), typeof((int, string)), typeof(int[,]), typeof(global::App.Outer<>.Inner<>), typeof(global::App.Outer<int>.Inner<string>), typeof(global::System.Collections.Generic.Dictionary<,>), typeof(global::App.@event)", registration);
        Assert.Equal(
            "42|System.Nullable`1[System.Int32]|System.ValueTuple`2[System.Int32,System.String]|System.Int32[,]|App.Outer`1+Inner`1[T,U]"
                + "|App.Outer`1+Inner`1[System.Int32,System.String]|System.Collections.Generic.Dictionary`2[TKey,TValue]|App.event|optional",
            await CompiledApp.RunAsync(run));
    }
}
