using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Every lifetime of a handler against every lifetime of a middleware, for Send, Publish and CreateStream: user-shaped
/// code compiled through the generator and run in a container built with <c>ValidateScopes</c> and <c>ValidateOnBuild</c>
/// on, then off. Each component records itself in the message it sees; the run tells, from the instances two dispatches
/// in one scope and one in another saw, which lifetime each component actually had, and whether a dispatch from the root
/// provider was refused.
/// </summary>
public sealed class LifetimeMatrixTests
{
    public static TheoryData<string, string> Combinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var handler in Lifetimes)
        {
            foreach (var middleware in Lifetimes)
            {
                data.Add(handler, middleware);
            }
        }

        return data;
    }

    private static readonly string[] Lifetimes = { "Singleton", "Scoped", "Transient" };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Each_component_lives_as_declared_in_every_mode_and_a_scoped_pipeline_refuses_the_root(string handler, string middleware)
    {
        var run = GeneratorRun.For(App(handler, middleware));

        Assert.Empty(run.GeneratorDiagnostics);
        var root = handler == "Scoped" || middleware == "Scoped"
            ? "ScopeRequiredException"
            : (middleware == "Transient" ? "new" : "same") + "/" + (handler == "Transient" ? "new" : "same");
        var modes = string.Join(" ", new[] { "send", "publish", "stream" }.Select(m => m + ":" + middleware + "/" + handler));
        var expected = string.Join("\n", new[] { true, false }.Select(v => "validate=" + v + " " + modes + " root:" + root + "x3"));
        Assert.Equal(expected, await CompiledApp.RunAsync(run));
    }

    private static string App(string handler, string middleware) => """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;

        public interface ISeen { List<object> Seen { get; } }
        public sealed class Ping : IRequest<int>, ISeen { public List<object> Seen { get; } = new(); }
        public sealed class Pinged : INotification, ISeen { public List<object> Seen { get; } = new(); }
        public sealed class Count : IStreamRequest<int>, ISeen { public List<object> Seen { get; } = new(); }

        [Middleware(Lifetime = ComponentLifetime.MIDDLEWARE)]
        public sealed class Probe<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
            where TMessage : ISeen
        {
            public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                where TNext : struct, INext<TMessage, TResult>
            {
                message.Seen.Add(this);
                return next.InvokeAsync(message, context);
            }

            async IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
            {
                message.Seen.Add(this);
                await foreach (var item in next.InvokeAsync(message, context))
                {
                    yield return item;
                }
            }
        }

        [Handler(Lifetime = ComponentLifetime.HANDLER)]
        public sealed class Handlers : IRequestHandler<Ping, int>, INotificationHandler<Pinged>, IStreamRequestHandler<Count, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { request.Seen.Add(this); return new(1); }
            public ValueTask Handle(Pinged notification, CancellationToken cancellationToken) { notification.Seen.Add(this); return default; }
            public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                request.Seen.Add(this);
                await Task.Yield();
                yield return 1;
            }
        }

        public static class Entry
        {
            public static async Task<string> Run()
            {
                var lines = new List<string>();
                foreach (var validate in new[] { true, false })
                {
                    var services = new ServiceCollection();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validate, ValidateOnBuild = validate });
                    var line = "validate=" + validate;
                    foreach (var mode in new[] { "send", "publish", "stream" })
                    {
                        List<object> first, again, other;
                        using (var scope = provider.CreateScope())
                        {
                            first = await Dispatch(scope.ServiceProvider.GetRequiredService<IMediator>(), mode);
                            again = await Dispatch(scope.ServiceProvider.GetRequiredService<IMediator>(), mode);
                        }

                        using (var scope = provider.CreateScope())
                        {
                            other = await Dispatch(scope.ServiceProvider.GetRequiredService<IMediator>(), mode);
                        }

                        line += " " + mode + ":" + Lifetime(first[0], again[0], other[0]) + "/" + Lifetime(first[1], again[1], other[1]);
                    }

                    var root = new List<string>();
                    foreach (var mode in new[] { "send", "publish", "stream" })
                    {
                        try
                        {
                            var fromRoot = provider.GetRequiredService<IMediator>();
                            var a = await Dispatch(fromRoot, mode);
                            var b = await Dispatch(fromRoot, mode);
                            // From the root, a transient component is still new per dispatch; a singleton is shared.
                            root.Add((ReferenceEquals(a[0], b[0]) ? "same" : "new") + "/" + (ReferenceEquals(a[1], b[1]) ? "same" : "new"));
                        }
                        catch (ScopeRequiredException error) when (error.MessageType.Name is "Ping" or "Pinged" or "Count")
                        {
                            root.Add(error.GetType().Name);
                        }
                    }

                    line += " root:" + (root.TrueForAll(r => r == root[0]) ? root[0] + "x3" : string.Join(",", root));
                    lines.Add(line);
                }

                return string.Join("\n", lines);
            }

            private static async Task<List<object>> Dispatch(IMediator mediator, string mode)
            {
                switch (mode)
                {
                    case "send":
                        var ping = new Ping();
                        await mediator.Send(ping);
                        return ping.Seen;
                    case "publish":
                        var pinged = new Pinged();
                        await mediator.Publish(pinged);
                        return pinged.Seen;
                    default:
                        var count = new Count();
                        await foreach (var _ in mediator.CreateStream(count)) { }
                        return count.Seen;
                }
            }

            // Two dispatches in one scope, one in another: which lifetime the component behaved as.
            private static string Lifetime(object first, object again, object other)
                => ReferenceEquals(first, again)
                    ? (ReferenceEquals(first, other) ? "Singleton" : "Scoped")
                    : (ReferenceEquals(first, other) ? "inconsistent" : "Transient");
        }
        """.Replace("MIDDLEWARE", middleware).Replace("HANDLER", handler);
}
