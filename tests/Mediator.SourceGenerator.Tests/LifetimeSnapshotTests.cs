using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Where lifetimes come from, as the generated registrations show them: the project-wide defaults, a class's own
/// <c>Lifetime</c>, <c>[UseMiddleware(..., Lifetime = ...)]</c> on a handler, and one closed middleware type given two
/// lifetimes by two handlers of one notification (the shortest wins for both).
/// </summary>
public sealed class LifetimeSnapshotTests
{
    [Fact]
    public void Project_defaults_class_lifetimes_and_placements()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            [assembly: DefaultLifetimes(Handlers = ComponentLifetime.Scoped, Middleware = ComponentLifetime.Transient)]

            namespace App;

            public sealed class Save : IRequest<bool> { }
            public sealed class Load : IRequest<int> { }
            public sealed class Saved : INotification { }

            [Handler]
            public sealed class SaveHandler : IRequestHandler<Save, bool>
            {
                public ValueTask<bool> Handle(Save request, CancellationToken cancellationToken) => new(true);
            }

            [Handler(Lifetime = ComponentLifetime.Singleton)]
            public sealed class LoadHandler : IRequestHandler<Load, int>
            {
                public ValueTask<int> Handle(Load request, CancellationToken cancellationToken) => new(1);
            }

            [Handler(Lifetime = ComponentLifetime.Singleton)]
            [UseMiddleware(typeof(Audit<,>), Lifetime = ComponentLifetime.Singleton)]
            public sealed class FirstSavedHandler : INotificationHandler<Saved>
            {
                public ValueTask Handle(Saved notification, CancellationToken cancellationToken) => default;
            }

            [Handler(Lifetime = ComponentLifetime.Singleton)]
            [UseMiddleware(typeof(Audit<,>), Lifetime = ComponentLifetime.Scoped)]
            public sealed class SecondSavedHandler : INotificationHandler<Saved>
            {
                public ValueTask Handle(Saved notification, CancellationToken cancellationToken) => default;
            }

            [Middleware]
            public sealed class Stamp<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }

            [Middleware(Lifetime = ComponentLifetime.Singleton, Order = 1)]
            public sealed class Cheap<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }

            [Middleware(Explicit = true)]
            public sealed class Audit<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Snapshot.Verify(nameof(Project_defaults_class_lifetimes_and_placements), run);
    }
}
