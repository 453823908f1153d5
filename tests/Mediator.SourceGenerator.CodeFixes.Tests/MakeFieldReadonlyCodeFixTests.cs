using Mediator.SourceGenerator.Analyzers;

namespace Mediator.SourceGenerator.CodeFixes.Tests;

/// <summary>MED0032's fix: readonly only for a field that no code outside its constructors writes.</summary>
public sealed class MakeFieldReadonlyCodeFixTests
{
    private readonly CodeFixRun _run = new(new MutableMiddlewareStateAnalyzer(), new MakeFieldReadonlyCodeFix());

    private static string Middleware(string members, string body = "") => $$"""
        using System.Threading.Tasks;
        using Mediator;

        namespace App;

        [Middleware]
        public sealed class Timing<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        {
        {{members}}
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                {{body}}
                return next.InvokeAsync(request, context);
            }
        }
        """;

    [Fact]
    public async Task Makes_a_field_set_only_in_the_constructor_readonly()
    {
        var fixedSource = await _run.FixAsync(Middleware("""
                private System.TimeProvider _clock;
                public Timing(System.TimeProvider clock) { _clock = clock; this._clock = clock; }
            """, "_ = _clock.GetTimestamp();"));

        Assert.Equal(Middleware("""
                private readonly System.TimeProvider _clock;
                public Timing(System.TimeProvider clock) { _clock = clock; this._clock = clock; }
            """, "_ = _clock.GetTimestamp();"), fixedSource);
    }

    [Fact]
    public async Task Makes_a_field_without_modifiers_readonly()
    {
        var fixedSource = await _run.FixAsync(Middleware("    string _name = \"timing\";", "_ = _name.Length;"));

        Assert.Equal(Middleware("    readonly string _name = \"timing\";", "_ = _name.Length;"), fixedSource);
    }

    [Theory]
    [InlineData("    private int _count;", "_count++;")]
    [InlineData("    private int _count;", "_count = 1;")]
    [InlineData("    private int _count;", "System.Threading.Interlocked.Increment(ref _count);")]
    [InlineData("    private int _count; public Timing() { System.Action reset = () => _count = 0; reset(); }", "")]
    [InlineData("    private volatile int _count;", "")]
    [InlineData("    private int _count, _other;", "")]
    [InlineData("    private System.Collections.Generic.List<int>.Enumerator _cursor;", "")]
    [InlineData("    public int Calls { get; set; }", "")]
    public async Task Offers_no_fix_when_readonly_would_not_compile_or_would_change_behaviour(string members, string body)
    {
        Assert.NotEmpty(await _run.DiagnoseAsync(Middleware(members, body)));
        Assert.Null(await _run.FixAsync(Middleware(members, body)));
    }

    [Theory]
    [InlineData("    private readonly System.Diagnostics.Stopwatch _watch = new();", "_watch.Restart();")]
    [InlineData("    private readonly System.Collections.Generic.List<int> _seen = new();", "_seen.Add(1);")]
    [InlineData("    private readonly int[] _slots = new int[4];", "_slots[0]++;")]
    [InlineData("    private System.Text.StringBuilder _text = new();", "_text.Append('x');")]
    public async Task Offers_no_fix_for_a_field_that_holds_a_mutable_object_readonly_or_not(string members, string body)
    {
        var diagnostic = Assert.Single(await _run.DiagnoseAsync(Middleware(members, body)));
        Assert.Contains("a mutable object", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Null(await _run.FixAsync(Middleware(members, body)));
    }

    [Fact]
    public async Task Makes_a_writable_field_given_only_Random_Shared_readonly()
    {
        var fixedSource = await _run.FixAsync(Middleware("    private System.Random _random = System.Random.Shared;", "_ = _random.Next();"));

        Assert.Equal(Middleware("    private readonly System.Random _random = System.Random.Shared;", "_ = _random.Next();"), fixedSource);
    }
}
