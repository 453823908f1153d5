using System.Text;

namespace GeneratorBenchmarks;

/// <summary>
/// A project of <c>count</c> request types with handlers, ten per file, plus middleware at three levels: two for every
/// request, one for a group (requests marked <c>IAudited</c>: every tenth), and one closed over a single request.
/// </summary>
internal static class SyntheticProject
{
    public const int FilesOfRequests = 100;

    public static IReadOnlyList<string> Files(int count)
    {
        var files = new List<string> { Middlewares };
        var perFile = count / FilesOfRequests;
        for (var file = 0; file < FilesOfRequests; file++)
        {
            files.Add(RequestFile(file, perFile));
        }

        return files;
    }

    public static string RequestFile(int file, int perFile, string body = "return new(request.Id);")
    {
        var text = new StringBuilder();
        text.Append("using System.Threading; using System.Threading.Tasks; using Mediator;\n");
        text.Append($"namespace App.Feature{file};\n");
        for (var i = 0; i < perFile; i++)
        {
            var n = (file * perFile) + i;
            var audited = n % 10 == 0 ? ", App.IAudited" : string.Empty;
            text.Append($"public sealed record Request{n}(int Id) : IRequest<int>{audited};\n");
            text.Append($"[Handler] public sealed class Request{n}Handler : IRequestHandler<Request{n}, int>\n");
            text.Append($"{{\n    public ValueTask<int> Handle(Request{n} request, CancellationToken cancellationToken)\n    {{\n        {body}\n    }}\n}}\n");
        }

        return text.ToString();
    }

    public const string NewHandlerFile = """
        using System.Threading; using System.Threading.Tasks; using Mediator;
        namespace App.Added;
        public sealed record AddedRequest(int Id) : IRequest<int>;
        [Handler] public sealed class AddedRequestHandler : IRequestHandler<AddedRequest, int>
        {
            public ValueTask<int> Handle(AddedRequest request, CancellationToken cancellationToken) => new(request.Id);
        }
        """;

    private const string Middlewares = """
        using System.Threading.Tasks; using Mediator;
        namespace App;
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
        public sealed class OnlyTheFirst : IRequestMiddleware<App.Feature0.Request0, int>
        {
            public ValueTask<int> InvokeAsync<TNext>(App.Feature0.Request0 request, TNext next, MessageContext context)
                where TNext : struct, INext<App.Feature0.Request0, int> => next.InvokeAsync(request, context);
        }
        """;
}
