namespace Mediator.SourceGenerator.CodeFixes.Tests.Migration;

/// <summary>MED0060's fix on handlers: each MediatR handler kind before and after; every "after" compiles against this library alone.</summary>
public sealed class PortHandlersTests
{
    private readonly MigrationRun _run = new();

    [Fact]
    public async Task Request_handler_async_and_not_async_return_ValueTask_and_get_Handler()
    {
        var ported = await _run.PortFileAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed class Ping : IRequest<string> { }
            public sealed class Count : IRequest<int> { }

            /// <summary>Answers pings.</summary>
            public sealed class PingHandler : IRequestHandler<Ping, string>
            {
                public async Task<string> Handle(Ping request, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return "pong";
                }
            }

            public sealed class CountHandler : IRequestHandler<Count, int>
            {
                private readonly Task<int> _cached = Task.FromResult(3);

                public Task<int> Handle(Count request, CancellationToken cancellationToken)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return _cached;
                    }

                    return Task.FromResult(1);
                }
            }
            """, MediatRStubs.V5);

        Assert.Equal("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed class Ping : IRequest<string> { }
            public sealed class Count : IRequest<int> { }

            /// <summary>Answers pings.</summary>
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, string>
            {
                public async ValueTask<string> Handle(Ping request, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    return "pong";
                }
            }

            [Handler]
            public sealed class CountHandler : IRequestHandler<Count, int>
            {
                private readonly Task<int> _cached = Task.FromResult(3);

                public ValueTask<int> Handle(Count request, CancellationToken cancellationToken)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return new ValueTask<int>(_cached);
                    }

                    return new ValueTask<int>(1);
                }
            }
            """, ported);
    }

    [Fact]
    public async Task MediatR5_void_request_handler_drops_Unit()
    {
        var ported = await _run.PortFileAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed class Forget : IRequest { }
            public sealed class Remember : IRequest { }

            public sealed class ForgetHandler : IRequestHandler<Forget>
            {
                public async Task<Unit> Handle(Forget request, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return Unit.Value;
                }
            }

            public sealed class RememberHandler : IRequestHandler<Remember>
            {
                public Task<Unit> Handle(Remember request, CancellationToken cancellationToken) => Unit.Task;
            }
            """, MediatRStubs.V5);

        Assert.Equal("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed class Forget : IRequest { }
            public sealed class Remember : IRequest { }

            [Handler]
            public sealed class ForgetHandler : IRequestHandler<Forget>
            {
                public async ValueTask Handle(Forget request, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                }
            }

            [Handler]
            public sealed class RememberHandler : IRequestHandler<Remember>
            {
                public ValueTask Handle(Remember request, CancellationToken cancellationToken) => default;
            }
            """, ported);
    }

    [Fact]
    public async Task Notification_and_stream_handlers()
    {
        var ported = await _run.PortFileAsync("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed record Placed(int Id) : INotification;
            public sealed record Numbers(int Count) : IStreamRequest<int>;

            public sealed class Mailer : INotificationHandler<Placed>
            {
                public Task Handle(Placed notification, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public sealed class NumbersHandler : IStreamRequestHandler<Numbers, int>
            {
                public async IAsyncEnumerable<int> Handle(Numbers request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (var i = 0; i < request.Count; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }
            }
            """, MediatRStubs.V12);

        Assert.Contains("""
            [Handler]
            public sealed class Mailer : INotificationHandler<Placed>
            {
                public ValueTask Handle(Placed notification, CancellationToken cancellationToken) => default;
            }

            [Handler]
            public sealed class NumbersHandler : IStreamRequestHandler<Numbers, int>
            {
                public async IAsyncEnumerable<int> Handle(
            """, ported);
    }

    [Fact]
    public async Task MediatR5_handler_base_classes_become_the_interfaces()
    {
        var ported = await _run.PortFileAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed class Ping : IRequest<string> { }
            public sealed class Touch : IRequest { }
            public sealed class Wait : IRequest { }
            public sealed class Placed : INotification { }

            public sealed class PingHandler : RequestHandler<Ping, string>
            {
                protected override string Handle(Ping request) => "pong";
            }

            public sealed class TouchHandler : RequestHandler<Touch>
            {
                public int Touches;

                protected override void Handle(Touch request)
                {
                    if (Touches > 10)
                    {
                        return;
                    }

                    Touches++;
                }
            }

            public sealed class WaitHandler : AsyncRequestHandler<Wait>
            {
                protected override async Task Handle(Wait request, CancellationToken cancellationToken) => await Task.Delay(1, cancellationToken);
            }

            public sealed class PlacedHandler : NotificationHandler<Placed>
            {
                protected override void Handle(Placed notification) => System.Console.WriteLine("placed");
            }
            """, MediatRStubs.V5);

        Assert.Equal("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed class Ping : IRequest<string> { }
            public sealed class Touch : IRequest { }
            public sealed class Wait : IRequest { }
            public sealed class Placed : INotification { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, string>
            {
                public ValueTask<string> Handle(Ping request, CancellationToken cancellationToken) => new ValueTask<string>("pong");
            }

            [Handler]
            public sealed class TouchHandler : IRequestHandler<Touch>
            {
                public int Touches;

                public ValueTask Handle(Touch request, CancellationToken cancellationToken)
                {
                    if (Touches > 10)
                    {
                        return default;
                    }

                    Touches++;
                    return default;
                }
            }

            [Handler]
            public sealed class WaitHandler : IRequestHandler<Wait>
            {
                public async ValueTask Handle(Wait request, CancellationToken cancellationToken) => await Task.Delay(1, cancellationToken);
            }

            [Handler]
            public sealed class PlacedHandler : INotificationHandler<Placed>
            {
                public ValueTask Handle(Placed notification, CancellationToken cancellationToken)
                {
                    System.Console.WriteLine("placed");
                    return default;
                }
            }
            """, ported);
    }

    /// <summary>The IDE's fix on one class changes that class only: the using and the other class wait for their own fixes.</summary>
    [Fact]
    public async Task The_fix_for_one_place_changes_only_that_place()
    {
        var fixedSource = await _run.FixOnePlaceAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed class Ping : IRequest<int> { }
            public sealed class Placed : INotification { }

            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public Task<int> Handle(Ping request, CancellationToken cancellationToken) => Task.FromResult(1);
            }

            public sealed class PlacedHandler : INotificationHandler<Placed>
            {
                public Task Handle(Placed notification, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """, MediatRStubs.V5, Analyzers.Migration.MediatRUsageAnalyzer.ClassSite);

        Assert.Equal("""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed class Ping : IRequest<int> { }
            public sealed class Placed : INotification { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new ValueTask<int>(1);
            }

            public sealed class PlacedHandler : INotificationHandler<Placed>
            {
                public Task Handle(Placed notification, CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """, fixedSource);
    }

    [Fact]
    public async Task Code_without_MediatR_is_not_reported()
    {
        var diagnostics = await _run.DiagnoseAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            namespace App;

            public sealed class Ping : Mediator.IRequest<int> { }

            [Mediator.Handler]
            public sealed class PingHandler : Mediator.IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }

            public interface IRequestHandler<T> { Task Handle(T value); }
            public sealed class Lookalike : IRequestHandler<int> { public Task Handle(int value) => Task.CompletedTask; }
            """, MediatRStubs.V5);

        Assert.Empty(diagnostics);
    }
}
