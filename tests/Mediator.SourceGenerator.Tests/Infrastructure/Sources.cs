namespace Mediator.SourceGenerator.Tests.Infrastructure;

/// <summary>Small pieces of user code the tests combine.</summary>
internal static class Sources
{
    public const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        """;

    public const string PingAndHandler = Usings + """
        namespace App
        {
            public sealed class Ping : IRequest<int> { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
        }
        """;

    /// <summary>A no-op middleware for every request.</summary>
    public static string Middleware(string name, int order, string constraints = "where TRequest : IRequest<TResponse>") => Usings + $$"""
        namespace App
        {
            [Middleware(Order = {{order}})]
            public sealed class {{name}}<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                {{constraints}}
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
        }
        """;
}
