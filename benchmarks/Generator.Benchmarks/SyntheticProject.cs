using System.Text;

namespace GeneratorBenchmarks;

/// <summary>
/// A project of <c>count</c> request types with handlers, ten per file, plus middleware at three levels: two for every
/// request, one for a group (requests marked <c>IAudited</c>: every tenth), and one closed over a single request.
/// Written once against our abstractions and once against martinothamar/Mediator's (<see cref="Flavor"/>): same types,
/// same files, same method bodies; only the contracts' names and the way middleware is registered differ.
/// </summary>
internal static class SyntheticProject
{
    public const int FilesOfRequests = 100;

    public enum Flavor
    {
        /// <summary>Ours: <c>[Handler]</c> classes, <c>[Middleware]</c> classes found by attribute.</summary>
        Ours,

        /// <summary>martinothamar/Mediator 3.x: handlers found by interface, behaviors listed in <c>AddMediator</c>'s options.</summary>
        Martinothamar,
    }

    public static IReadOnlyList<string> Files(Flavor flavor, int count)
    {
        var files = new List<string> { flavor == Flavor.Ours ? MiddlewareFile("App", "App.Feature0.Request0") : PeerBehaviors };
        var perFile = count / FilesOfRequests;
        for (var file = 0; file < FilesOfRequests; file++)
        {
            files.Add(RequestFile(flavor, file, perFile));
        }

        return files;
    }

    /// <summary>
    /// Ten requests (with <paramref name="perFile"/> = 10) in namespace <c>App.Feature{file}</c>, named
    /// <c>Request{file * perFile + i}</c>; every tenth is marked <paramref name="auditedInterface"/>.
    /// </summary>
    public static string RequestFile(Flavor flavor, int file, int perFile, string body = "return new(request.Id);", string auditedInterface = "App.IAudited")
    {
        var handlerAttribute = flavor == Flavor.Ours ? "[Handler] " : string.Empty;
        var text = new StringBuilder();
        text.Append("using System.Threading; using System.Threading.Tasks; using Mediator;\n");
        text.Append($"namespace App.Feature{file};\n");
        for (var i = 0; i < perFile; i++)
        {
            var n = (file * perFile) + i;
            var audited = n % 10 == 0 ? ", " + auditedInterface : string.Empty;
            text.Append($"public sealed record Request{n}(int Id) : IRequest<int>{audited};\n");
            text.Append($"{handlerAttribute}public sealed class Request{n}Handler : IRequestHandler<Request{n}, int>\n");
            text.Append($"{{\n    public ValueTask<int> Handle(Request{n} request, CancellationToken cancellationToken)\n    {{\n        {body}\n    }}\n}}\n");
        }

        return text.ToString();
    }

    public static string NewHandlerFile(Flavor flavor) => $$"""
        using System.Threading; using System.Threading.Tasks; using Mediator;
        namespace App.Added;
        public sealed record AddedRequest(int Id) : IRequest<int>;
        {{(flavor == Flavor.Ours ? "[Handler] " : string.Empty)}}public sealed class AddedRequestHandler : IRequestHandler<AddedRequest, int>
        {
            public ValueTask<int> Handle(AddedRequest request, CancellationToken cancellationToken) => new(request.Id);
        }
        """;

    /// <summary>
    /// Our four middleware layers and the <c>IAudited</c> marker in namespace <paramref name="ns"/>; the last layer is
    /// closed over <paramref name="firstRequest"/>. The one-project build takes them in namespace <c>App</c>; each
    /// module of <see cref="SyntheticSolution"/> has its own.
    /// </summary>
    public static string MiddlewareFile(string ns, string firstRequest) => $$"""
        using System.Threading.Tasks; using Mediator;
        namespace {{ns}};
        public interface IAudited { }
        [Middleware(Order = 1)]
        public sealed class Logging<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse> where TRequest : IRequest<TResponse>
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        [Middleware(Order = 2)]
        public sealed class Metrics<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse> where TRequest : IRequest<TResponse>
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        [Middleware(Order = 3)]
        public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse> where TRequest : IRequest<TResponse>, IAudited
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        [Middleware(Order = 4)]
        public sealed class OnlyTheFirst : IRequestMiddleware<{{firstRequest}}, int>
        {
            public ValueTask<int> InvokeAsync<TNext>({{firstRequest}} request, TNext next, MessageContext context)
                where TNext : struct, INext<{{firstRequest}}, int> => next.InvokeAsync(request, context);
        }
        """;

    /// <summary>
    /// The same four layers as martinothamar/Mediator pipeline behaviors. Its generator takes behaviors from the options
    /// of the <c>AddMediator</c> call (the form it asks for under Native AOT), in order, and applies an open generic one
    /// to the messages that satisfy its constraints.
    /// </summary>
    private const string PeerBehaviors = """
        using System.Threading; using System.Threading.Tasks; using Mediator;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        public interface IAudited { }
        public sealed class Logging<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IRequest<TResponse>
        {
            public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
                => next(message, cancellationToken);
        }
        public sealed class Metrics<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IRequest<TResponse>
        {
            public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
                => next(message, cancellationToken);
        }
        public sealed class Audit<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IRequest<TResponse>, IAudited
        {
            public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
                => next(message, cancellationToken);
        }
        public sealed class OnlyTheFirst : IPipelineBehavior<App.Feature0.Request0, int>
        {
            public ValueTask<int> Handle(App.Feature0.Request0 message, MessageHandlerDelegate<App.Feature0.Request0, int> next, CancellationToken cancellationToken)
                => next(message, cancellationToken);
        }
        public static class Registration
        {
            public static IServiceCollection AddApp(this IServiceCollection services) => services.AddMediator(options =>
            {
                options.Namespace = "App.Generated";
                options.ServiceLifetime = ServiceLifetime.Singleton;
                options.PipelineBehaviors = [typeof(Logging<,>), typeof(Metrics<,>), typeof(Audit<,>), typeof(OnlyTheFirst)];
            });
        }
        """;
}
