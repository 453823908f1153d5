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

    /// <summary>
    /// <paramref name="count"/> numbered messages in one file, from <paramref name="first"/> on: a request
    /// <c>{prefix}{i}</c> answering i, a notification <c>{prefix}Note{i}</c>, a stream request <c>{prefix}Stream{i}</c>
    /// yielding i and, with <paramref name="voidRequests"/>, a void request <c>{prefix}Command{i}</c>, all handled by one
    /// class <c>{prefix}{i}Handler</c> per number. For tests that need many pipelines of every kind.
    /// </summary>
    public static string Numbered(string ns, string prefix, int count, int first = 0, bool voidRequests = true)
    {
        var text = new System.Text.StringBuilder("using System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Mediator;\nnamespace " + ns + "\n{\n");
        for (var i = first; i < first + count; i++)
        {
            text.Append($"    public sealed class {prefix}{i} : IRequest<int> {{ }}\n");
            text.Append($"    public sealed class {prefix}Note{i} : INotification {{ }}\n");
            text.Append($"    public sealed class {prefix}Stream{i} : IStreamRequest<int> {{ }}\n");
            if (voidRequests)
            {
                text.Append($"    public sealed class {prefix}Command{i} : IRequest {{ }}\n");
            }

            text.Append($"    [Handler] public sealed class {prefix}{i}Handler : IRequestHandler<{prefix}{i}, int>, INotificationHandler<{prefix}Note{i}>, IStreamRequestHandler<{prefix}Stream{i}, int>")
                .Append(voidRequests ? $", IRequestHandler<{prefix}Command{i}>\n" : "\n");
            text.Append("    {\n");
            text.Append($"        public ValueTask<int> Handle({prefix}{i} request, CancellationToken cancellationToken) => new ValueTask<int>({i});\n");
            text.Append($"        public ValueTask Handle({prefix}Note{i} notification, CancellationToken cancellationToken) => default;\n");
            if (voidRequests)
            {
                text.Append($"        public ValueTask Handle({prefix}Command{i} request, CancellationToken cancellationToken) => default;\n");
            }

            text.Append($"        public async IAsyncEnumerable<int> Handle({prefix}Stream{i} request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) {{ yield return {i}; await Task.CompletedTask; }}\n");
            text.Append("    }\n");
        }

        return text.Append("}\n").ToString();
    }
}
