using Mediator.SourceGenerator.Analyzers;

namespace Mediator.SourceGenerator.CodeFixes.Tests;

/// <summary>MED0033's fix: <c>await</c> instead of <c>.Result</c> or <c>GetAwaiter().GetResult()</c>, making the method async when it can be.</summary>
public sealed class AwaitInsteadOfBlockingCodeFixTests
{
    private readonly CodeFixRun _run = new(new BlockingCallAnalyzer(), new AwaitInsteadOfBlockingCodeFix());

    private static string Handler(string method) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        namespace App;

        public sealed class Ping : IRequest<int> { }

        [Handler]
        public sealed class PingHandler : IRequestHandler<Ping, int>
        {
            private static Task<string> LoadAsync() => Task.FromResult("x");

        {{method}}
        }
        """;

    [Fact]
    public async Task Replaces_Result_with_await_in_an_async_method()
    {
        var fixedSource = await _run.FixAsync(Handler("""
                public async ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    var text = LoadAsync().Result;
                    return text.Length;
                }
            """));

        Assert.Equal(Handler("""
                public async ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    var text = await LoadAsync();
                    return text.Length;
                }
            """), fixedSource);
    }

    [Fact]
    public async Task Makes_the_method_async_and_unwraps_its_returns()
    {
        var fixedSource = await _run.FixAsync(Handler("""
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    if (request is null) return ValueTask.FromResult(0);
                    return new(LoadAsync().GetAwaiter().GetResult().Length);
                }
            """));

        Assert.Equal(Handler("""
                public async ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    if (request is null) return 0;
                    return (await LoadAsync()).Length;
                }
            """), fixedSource);
    }

    [Fact]
    public async Task Makes_an_expression_bodied_method_async()
    {
        var fixedSource = await _run.FixAsync(Handler("""
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(LoadAsync().Result.Length);
            """));

        Assert.Equal(Handler("""
                public async ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => (await LoadAsync()).Length;
            """), fixedSource);
    }

    [Fact]
    public async Task Turns_completed_task_returns_of_a_void_handler_into_plain_returns()
    {
        var source = Handler("""
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);

                public ValueTask Log(string message)
                {
                    if (LoadAsync().Result == message) return default;
                    return ValueTask.CompletedTask;
                }
            """);

        var fixedSource = await _run.FixAsync(source);

        Assert.Equal(Handler("""
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);

                public async ValueTask Log(string message)
                {
                    if (await LoadAsync() == message) return;
                    return;
                }
            """), fixedSource);
    }

    [Theory]
    [InlineData("public int Count() => LoadAsync().Result.Length;")]
    [InlineData("public ValueTask<int> Count() { System.Func<int> f = () => LoadAsync().Result.Length; return new(f()); }")]
    [InlineData("public ValueTask<int> Count() { lock (this) { return new(LoadAsync().Result.Length); } }")]
    [InlineData("public void Pause() => Thread.Sleep(1);")]
    [InlineData("public ValueTask Count() { _ = LoadAsync().Result; return DoAsync(); } private static ValueTask DoAsync() => default;")]
    public async Task Offers_no_fix_where_await_cannot_go(string member)
    {
        var source = Handler("    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);\n    " + member);

        Assert.NotEmpty(await _run.DiagnoseAsync(source));
        Assert.Null(await _run.FixAsync(source));
    }
}
