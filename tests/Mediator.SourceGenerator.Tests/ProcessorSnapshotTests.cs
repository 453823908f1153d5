using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The generated source of a request pipeline with a middleware and each kind of processor, and a stream pipeline with
/// a pre-processor, compared with committed snapshots. The other snapshots, which have no processor, are unchanged.
/// </summary>
public sealed class ProcessorSnapshotTests
{
    [Fact]
    public void A_pipeline_with_each_kind_of_processor()
    {
        var run = GeneratorRun.For("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed record Ping(string Text) : IRequest<Pong>;
            public sealed record Pong(string Text);
            public sealed record Count(int To) : IStreamRequest<int>;

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, Pong>
            {
                public ValueTask<Pong> Handle(Ping request, CancellationToken cancellationToken) => new(new Pong(request.Text));
            }

            [Handler]
            public sealed class CountHandler : IStreamRequestHandler<Count, int>
            {
                public async IAsyncEnumerable<int> Handle(Count request, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    yield return request.To;
                }
            }

            [Middleware(Order = 1)]
            public sealed class Logging<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }

            [Middleware]
            public sealed class Stamp<TRequest> : IRequestPreProcessor<TRequest>, IStreamPreProcessor<TRequest>
            {
                public ValueTask Process(TRequest request, CancellationToken cancellationToken) => default;
            }

            [Middleware]
            public sealed class Audit<TRequest, TResponse> : IRequestPostProcessor<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken) => default;
            }

            [Middleware]
            public sealed class TimeoutAsEmpty : IRequestExceptionHandler<Ping, Pong, TimeoutException>
            {
                public ValueTask Handle(Ping request, TimeoutException exception, RequestExceptionHandlerState<Pong> state, CancellationToken cancellationToken)
                {
                    state.SetHandled(new Pong(""));
                    return default;
                }
            }

            [Middleware]
            public sealed class LogFailure<TRequest> : IRequestExceptionAction<TRequest, Exception>
            {
                public ValueTask Execute(TRequest request, Exception exception, CancellationToken cancellationToken) => default;
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Snapshot.Verify(nameof(A_pipeline_with_each_kind_of_processor), run);
    }
}
