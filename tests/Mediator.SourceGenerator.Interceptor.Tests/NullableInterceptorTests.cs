using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Interceptor.Tests;

/// <summary>
/// Interceptors compile in a project with <c>&lt;Nullable&gt;enable&lt;/Nullable&gt;</c> and warnings as errors, as the
/// consumer test's <c>renamed-mediator</c> case builds: every intercepted shape (generic and void <c>Send</c>, <c>Publish</c>
/// of a class and of a struct, <c>CreateStream</c>) with nullable-annotated responses and items. The first increment's
/// <c>Publish</c> interceptor failed here (CS8631: after its null test the notification was maybe-null, so
/// <c>TNotification</c> was inferred nullable against its <c>INotification</c> constraint).
/// </summary>
public sealed class NullableInterceptorTests
{
    private const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public sealed record Find(int Id) : IRequest<string?>;

        public sealed record Ping(string Text) : IRequest<string>;

        public sealed class Fire : IRequest { }

        public sealed class Note : INotification { public string? Text { get; init; } }

        public readonly record struct Tick(int N) : INotification;

        public sealed record Lines(int Count) : IStreamRequest<string?>;

        public static class Log { public static readonly List<string> Lines = new(); }

        [Handler]
        public sealed class FindHandler : IRequestHandler<Find, string?>
        {
            public ValueTask<string?> Handle(Find request, CancellationToken cancellationToken) => new(request.Id == 0 ? null : "found");
        }

        [Handler]
        public sealed class PingHandler : IRequestHandler<Ping, string>
        {
            public ValueTask<string> Handle(Ping request, CancellationToken cancellationToken) => new("pong:" + request.Text);
        }

        [Handler]
        public sealed class FireHandler : IRequestHandler<Fire>
        {
            public ValueTask Handle(Fire request, CancellationToken cancellationToken) { Log.Lines.Add("fire"); return default; }
        }

        [Handler]
        public sealed class NoteHandler : INotificationHandler<Note>
        {
            public ValueTask Handle(Note notification, CancellationToken cancellationToken) { Log.Lines.Add("note:" + notification.Text); return default; }
        }

        [Handler]
        public sealed class TickHandler : INotificationHandler<Tick>
        {
            public ValueTask Handle(Tick notification, CancellationToken cancellationToken) { Log.Lines.Add("tick:" + notification.N); return default; }
        }

        [Handler]
        public sealed class LinesHandler : IStreamRequestHandler<Lines, string?>
        {
            public async IAsyncEnumerable<string?> Handle(Lines request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                for (var i = 0; i < request.Count; i++)
                {
                    await Task.Yield();
                    yield return i % 2 == 0 ? "line" + i : null;
                }
            }
        }

        public static class Entry
        {
            public static async Task<string> Run()
            {
                var services = new ServiceCollection();
                services.AddMediator();
                using var provider = services.BuildServiceProvider();
                var sender = provider.GetRequiredService<ISender>();
                var publisher = provider.GetRequiredService<IPublisher>();
                var mediator = provider.GetRequiredService<IMediator>();
                var found = await sender.Send(new Find(1));
                var missing = await mediator.Send<string?>(new Find(0));
                var pong = await sender.Send(new Ping("a"));
                await sender.Send(new Fire());
                await publisher.Publish(new Note { Text = "n" });
                await mediator.Publish(new Tick(2));
                var items = new List<string>();
                await foreach (var item in sender.CreateStream(new Lines(3)))
                {
                    items.Add(item ?? "null");
                }

                return (found ?? "null") + "," + (missing ?? "null") + "," + pong + "," + string.Join(",", items) + "," + string.Join(",", Log.Lines);
            }
        }
        """;

    [Fact]
    public async Task Intercepted_calls_compile_under_nullable_enable_with_warnings_as_errors()
    {
        var run = InterceptorRun.For(intercept: true, Source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.All(InterceptorRun.Calls(run), c => Assert.NotNull(c.Interceptor));
        Assert.Equal(7, InterceptorRun.Calls(run).Count);

        // The SDK's settings for a net10.0 project with <TreatWarningsAsErrors>: every warning wave, each warning an error.
        var strict = run.Output.WithOptions(((CSharpCompilationOptions)run.Output.Options)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(9999)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Empty(strict.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        Assert.Equal("found,null,pong:a,line0,null,line2,fire,note:n,tick:2", await CompiledApp.RunAsync(strict));
    }
}
