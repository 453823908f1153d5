using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The checks read the pipelines the generator emits (Planning/PipelineResolver), not a second plan of their own: what
/// a diagnostic says about a pipeline is what the generated pipeline holds.
/// </summary>
public sealed class ResolvedPipelineTests
{
    /// <summary>
    /// Two middleware classes share a name and differ in arity (a request one and a notification one). The emitted
    /// pipeline of a notification holds the notification one. The old checks kept one middleware per name (the first
    /// declared) in a plan of their own, so they judged a pipeline without it and reported the concern it provides as
    /// missing (MED0022), though the generated pipeline provides it.
    /// </summary>
    [Fact]
    public void A_concern_provided_by_a_middleware_whose_name_another_arity_shares_is_found_in_the_emitted_pipeline()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;

            [Middleware(Concern = "Audit")]
            public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }

            [Middleware(Concern = "Audit")]
            public sealed class Audit<TNotification> : INotificationMiddleware<TNotification>
                where TNotification : INotification
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
            }

            [RequiresConcern("Audit")]
            public interface IAudited { }

            public sealed class Placed : INotification, IAudited { }

            [Handler]
            public sealed class PlacedHandler : INotificationHandler<Placed>
            {
                public ValueTask Handle(Placed notification, CancellationToken cancellationToken) => default;
            }

            public sealed class Ping : IRequest<int> { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Contains(run.GeneratedSources, s => s.Text.Contains("global::App.Audit<global::App.Placed>", StringComparison.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    /// <summary>The near miss: with no middleware of that name for notifications the concern is missing, and said so.</summary>
    [Fact]
    public void A_concern_no_middleware_of_the_emitted_pipeline_provides_is_reported()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;

            [Middleware(Concern = "Audit")]
            public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }

            [RequiresConcern("Audit")]
            public interface IAudited { }

            public sealed class Placed : INotification, IAudited { }

            [Handler]
            public sealed class PlacedHandler : INotificationHandler<Placed>
            {
                public ValueTask Handle(Placed notification, CancellationToken cancellationToken) => default;
            }

            public sealed class Ping : IRequest<int> { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.CompilationErrors.Select(e => e.ToString()));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("MED0022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }
}
