namespace Mediator.SourceGenerator.CodeFixes.Tests.Migration;

/// <summary>MED0060's fix on pipeline behaviours (both MediatR shapes), processors, exception handlers and actions.</summary>
public sealed class PortPipelineTests
{
    private readonly MigrationRun _run = new();

    [Fact]
    public async Task MediatR5_behaviour_becomes_request_middleware_with_next_and_the_context_token()
    {
        var ported = await _run.PortFileAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed class LoggingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
            {
                public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Console.WriteLine("before " + typeof(TRequest).Name);
                    var response = await next();
                    Console.WriteLine("after");
                    return response;
                }
            }
            """, MediatRStubs.V5);

        Assert.Equal("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            [Middleware]
            public sealed class LoggingBehavior<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    Console.WriteLine("before " + typeof(TRequest).Name);
                    var response = await next.InvokeAsync(request, context);
                    Console.WriteLine("after");
                    return response;
                }
            }
            """, ported);
    }

    [Fact]
    public async Task MediatR12_behaviour_that_returns_next_directly_is_not_wrapped()
    {
        var ported = await _run.PortFileAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;

            namespace App;

            public sealed record Ping(int Value) : IRequest<int>;

            public sealed class PingGuard : IPipelineBehavior<Ping, int>
            {
                public Task<int> Handle(Ping request, RequestHandlerDelegate<int> next, CancellationToken cancellationToken)
                {
                    if (request.Value < 0)
                    {
                        return Task.FromResult(0);
                    }

                    return next();
                }
            }
            """, MediatRStubs.V12);

        Assert.Equal("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed record Ping(int Value) : IRequest<int>;

            [Middleware]
            public sealed class PingGuard : IRequestMiddleware<Ping, int>
            {
                public ValueTask<int> InvokeAsync<TNext>(Ping request, TNext next, MessageContext context)
                    where TNext : struct, INext<Ping, int>
                {
                    if (request.Value < 0)
                    {
                        return new ValueTask<int>(0);
                    }

                    return next.InvokeAsync(request, context);
                }
            }
            """, ported);
    }

    [Fact]
    public async Task MediatR5_pre_and_post_processors_take_ValueTask_and_the_post_processor_a_token()
    {
        var ported = await _run.PortFileAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;
            using MediatR.Pipeline;

            namespace App;

            public sealed class Audit<TRequest> : IRequestPreProcessor<TRequest>
            {
                public Task Process(TRequest request, CancellationToken cancellationToken)
                {
                    Console.WriteLine("pre");
                    return Task.CompletedTask;
                }
            }

            public sealed class Stamp<TRequest, TResponse> : IRequestPostProcessor<TRequest, TResponse>
            {
                public async Task Process(TRequest request, TResponse response) => await Task.Yield();
            }
            """, MediatRStubs.V5, MediatRStubs.OurProcessors);

        Assert.Equal("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            [Middleware]
            public sealed class Audit<TRequest> : IRequestPreProcessor<TRequest>
            {
                public ValueTask Process(TRequest request, CancellationToken cancellationToken)
                {
                    Console.WriteLine("pre");
                    return default;
                }
            }

            [Middleware]
            public sealed class Stamp<TRequest, TResponse> : IRequestPostProcessor<TRequest, TResponse>
            {
                public async ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken) => await Task.Yield();
            }
            """, ported);
    }

    [Fact]
    public async Task MediatR12_exception_handler_and_action()
    {
        var ported = await _run.PortFileAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MediatR;
            using MediatR.Pipeline;

            namespace App;

            public sealed record Ping : IRequest<string>;

            public sealed class Fallback : IRequestExceptionHandler<Ping, string, InvalidOperationException>
            {
                public Task Handle(Ping request, InvalidOperationException exception, RequestExceptionHandlerState<string> state, CancellationToken cancellationToken)
                {
                    state.SetHandled("fallback");
                    return Task.CompletedTask;
                }
            }

            public sealed class LogFailure : IRequestExceptionAction<Ping, Exception>
            {
                public async Task Execute(Ping request, Exception exception, CancellationToken cancellationToken) => await Console.Out.WriteLineAsync(exception.Message);
            }
            """, MediatRStubs.V12, MediatRStubs.OurProcessors);

        Assert.Contains("""
            [Middleware]
            public sealed class Fallback : IRequestExceptionHandler<Ping, string, InvalidOperationException>
            {
                public ValueTask Handle(Ping request, InvalidOperationException exception, RequestExceptionHandlerState<string> state, CancellationToken cancellationToken)
                {
                    state.SetHandled("fallback");
                    return default;
                }
            }

            [Middleware]
            public sealed class LogFailure : IRequestExceptionAction<Ping, Exception>
            {
                public async ValueTask Execute(
            """, ported);
    }
}
