using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Mediator.SourceGenerator.Analyzers;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Mediator.SourceGenerator.Tests.Infrastructure.AnalyzerRun;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// MED0032 on readonly members that hold a mutable object (issue 18, item 4): each type of the list fires in a shared
/// middleware, each immutable or thread-safe near miss does not, and nothing fires in a scoped or transient middleware.
/// </summary>
public sealed class MutableMiddlewareObjectTests
{
    private static string Middleware(string members, string attribute = "[Middleware]") => Sources.Usings + $$"""
        using System.Collections.Generic;
        namespace App;
        public readonly record struct Window(System.DateTime From, string Name);
        public readonly record struct Buffer(List<int> Items);
        public struct Counter { public int Value; }
        public sealed class MyList : List<string> { }
        {{attribute}}
        public sealed class Timing<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        {
            {{members}}
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    private static IReadOnlyList<Diagnostic> Med0032(string source)
        => For(Sources.PingAndHandler, source).Where(d => d.Id == "MED0032").ToList();

    [Theory]
    [InlineData("private readonly System.Diagnostics.Stopwatch _watch = new();", "'System.Diagnostics.Stopwatch'")]
    [InlineData("private readonly System.Text.StringBuilder _watch = new();", "'System.Text.StringBuilder'")]
    [InlineData("private readonly System.Random _watch = new();", "'System.Random'")]
    [InlineData("private readonly System.IO.MemoryStream _watch = new();", "'System.IO.MemoryStream'")]
    [InlineData("private readonly System.Security.Cryptography.SHA256 _watch = System.Security.Cryptography.SHA256.Create();", "'System.Security.Cryptography.SHA256'")]
    [InlineData("private readonly List<int> _watch = new();", "'System.Collections.Generic.List<int>'")]
    [InlineData("private readonly Dictionary<string, int> _watch = new();", "'System.Collections.Generic.Dictionary<string, int>'")]
    [InlineData("private readonly HashSet<int> _watch = new();", "'System.Collections.Generic.HashSet<int>'")]
    [InlineData("private readonly Queue<int> _watch = new();", "'System.Collections.Generic.Queue<int>'")]
    [InlineData("private readonly Stack<int> _watch = new();", "'System.Collections.Generic.Stack<int>'")]
    [InlineData("private readonly LinkedList<int> _watch = new();", "'System.Collections.Generic.LinkedList<int>'")]
    [InlineData("private readonly SortedDictionary<int, int> _watch = new();", "'System.Collections.Generic.SortedDictionary<int, int>'")]
    [InlineData("private readonly SortedList<int, int> _watch = new();", "'System.Collections.Generic.SortedList<int, int>'")]
    [InlineData("private readonly SortedSet<int> _watch = new();", "'System.Collections.Generic.SortedSet<int>'")]
    [InlineData("private readonly PriorityQueue<int, int> _watch = new();", "'System.Collections.Generic.PriorityQueue<int, int>'")]
    [InlineData("private readonly System.Collections.ObjectModel.Collection<int> _watch = new();", "'System.Collections.ObjectModel.Collection<int>'")]
    [InlineData("private readonly System.Collections.ObjectModel.ObservableCollection<int> _watch = new();", "'System.Collections.ObjectModel.ObservableCollection<int>'")]
    [InlineData("private readonly System.Collections.ArrayList _watch = new();", "'System.Collections.ArrayList'")]
    [InlineData("private readonly System.Collections.Hashtable _watch = new();", "'System.Collections.Hashtable'")]
    [InlineData("private readonly System.Collections.Queue _watch = new();", "'System.Collections.Queue'")]
    [InlineData("private readonly System.Collections.Stack _watch = new();", "'System.Collections.Stack'")]
    [InlineData("private readonly System.Collections.SortedList _watch = new();", "'System.Collections.SortedList'")]
    [InlineData("private readonly System.Collections.BitArray _watch = new(8);", "'System.Collections.BitArray'")]
    [InlineData("private readonly int[] _watch = new int[4];", "'int[]'")]
    [InlineData("private readonly string[] _watch = { \"a\" };", "'string[]'")]
    [InlineData("private readonly MyList _watch = new();", "'App.MyList'")]
    [InlineData("private readonly Buffer _watch = new(new List<int>());", "'App.Buffer' (its property 'Items' holds 'System.Collections.Generic.List<int>')")]
    [InlineData("private readonly (int Count, List<int> Seen) _watch = (0, new List<int>());", "'(int Count, System.Collections.Generic.List<int> Seen)' (its element 'Seen' holds 'System.Collections.Generic.List<int>')")]
    [InlineData("private readonly System.Random _watch = System.Random.Shared; public Timing() { _watch = new System.Random(); }", "'System.Random'")]
    public void A_readonly_field_holding_a_mutable_object_in_a_shared_middleware_is_reported(string member, string held)
    {
        var diagnostic = Assert.Single(Med0032(Middleware(member)));

        AssertDiagnostic(diagnostic, "MED0032", DiagnosticSeverity.Warning, "_watch",
            $"Middleware 'App.Timing<TRequest, TResponse>' is one shared instance for all concurrent messages, but field '_watch' holds {held}, a mutable object that concurrent messages would change at once; create it per message (a local variable or MessageContext), hold an immutable or thread-safe type instead, or make the middleware scoped or transient");
        Assert.Equal("true", diagnostic.Properties[MutableMiddlewareStateAnalyzer.HoldsMutableObjectProperty]);
    }

    [Fact]
    public void A_get_only_auto_property_and_a_writable_field_holding_a_mutable_object_are_reported_once_each_as_holding_it()
    {
        var diagnostics = Med0032(Middleware("""
            public System.Diagnostics.Stopwatch Watch { get; } = new();
            private System.Text.StringBuilder _text = new();
            """));

        Assert.Equal(2, diagnostics.Count);
        Assert.Equal("Watch", SpanText(diagnostics[0]));
        Assert.Contains("but property 'Watch' holds 'System.Diagnostics.Stopwatch', a mutable object", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal("_text", SpanText(diagnostics[1]));
        Assert.Contains("but field '_text' holds 'System.Text.StringBuilder', a mutable object", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.All(diagnostics, d => Assert.Equal("true", d.Properties[MutableMiddlewareStateAnalyzer.HoldsMutableObjectProperty]));
    }

    [Theory]
    [InlineData("private readonly string _name = \"timing\";")]
    [InlineData("private readonly object _gate = new();")]
    [InlineData("private readonly System.Collections.Immutable.ImmutableArray<int> _items = System.Collections.Immutable.ImmutableArray<int>.Empty;")]
    [InlineData("private readonly System.Collections.Immutable.ImmutableDictionary<string, int> _items = System.Collections.Immutable.ImmutableDictionary<string, int>.Empty;")]
    [InlineData("private readonly System.Collections.Frozen.FrozenDictionary<string, int> _items = System.Collections.Frozen.FrozenDictionary<string, int>.Empty;")]
    [InlineData("private readonly System.Collections.Frozen.FrozenSet<string> _items = System.Collections.Frozen.FrozenSet<string>.Empty;")]
    [InlineData("private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _items = new();")]
    [InlineData("private readonly System.Collections.Concurrent.ConcurrentQueue<int> _items = new();")]
    [InlineData("private readonly System.Collections.Concurrent.ConcurrentBag<int> _items = new();")]
    [InlineData("private readonly System.Threading.Channels.Channel<int> _items = System.Threading.Channels.Channel.CreateUnbounded<int>();")]
    [InlineData("private readonly Microsoft.Extensions.Logging.ILogger _log = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;")]
    [InlineData("private readonly System.TimeProvider _clock = System.TimeProvider.System;")]
    [InlineData("private readonly SemaphoreSlim _gate = new(1);")]
    [InlineData("private readonly System.Random _random = System.Random.Shared;")]
    [InlineData("private readonly System.Random _random; public Timing() { _random = System.Random.Shared; }")]
    [InlineData("public System.Random Random { get; } = System.Random.Shared;")]
    [InlineData("private readonly Window _window = new(System.DateTime.MinValue, \"w\");")]
    [InlineData("private readonly Counter _counter;")]
    [InlineData("private readonly (int Count, string Name) _pair = (0, \"a\");")]
    [InlineData("private readonly IReadOnlyList<int> _items = new List<int>();")]
    [InlineData("private readonly IReadOnlyDictionary<string, int> _items = new Dictionary<string, int>();")]
    [InlineData("private readonly System.Collections.ObjectModel.ReadOnlyCollection<int> _items = new(new List<int>());")]
    [InlineData("private static readonly List<int> s_items = new();")]
    [InlineData("private readonly System.Func<System.Diagnostics.Stopwatch> _start = System.Diagnostics.Stopwatch.StartNew;")]
    [InlineData("private readonly System.ReadOnlyMemory<int> _items = new int[] { 1 };")]
    public void An_immutable_or_thread_safe_member_is_a_near_miss(string member)
    {
        Assert.Empty(Med0032(Middleware(member)));
    }

    [Theory]
    [InlineData("[Middleware(Lifetime = ComponentLifetime.Scoped)]", "")]
    [InlineData("[Middleware(Lifetime = ComponentLifetime.Transient)]", "")]
    [InlineData("[Middleware]", "[assembly: DefaultLifetimes(Middleware = ComponentLifetime.Scoped)]")]
    [InlineData("[Middleware]", "[assembly: DefaultLifetimes(Middleware = ComponentLifetime.Transient)]")]
    public void A_scoped_or_transient_middleware_is_not_shared_so_nothing_is_reported(string attribute, string assemblyLine)
    {
        var source = Middleware("""
            private readonly System.Diagnostics.Stopwatch _watch = new();
            private readonly List<int> _seen = new();
            private int _count;
            public int Calls { get; set; }
            """, attribute);

        Assert.Empty(Med0032(source.Replace("namespace App;", assemblyLine + "\nnamespace App;", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("[Middleware(Lifetime = ComponentLifetime.Singleton)]", "[assembly: DefaultLifetimes(Middleware = ComponentLifetime.Scoped)]")]
    [InlineData("[Middleware]", "[assembly: DefaultLifetimes(Handlers = ComponentLifetime.Scoped)]")]
    public void A_singleton_middleware_is_checked_whatever_the_other_defaults(string attribute, string assemblyLine)
    {
        var source = Middleware("private readonly System.Diagnostics.Stopwatch _watch = new(); private int _count;", attribute);

        Assert.Equal(2, Med0032(source.Replace("namespace App;", assemblyLine + "\nnamespace App;", StringComparison.Ordinal)).Count);
    }

    [Fact]
    public void The_docs_page_lists_every_mutable_type_of_the_analyzer_with_its_reason_and_no_other()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics", "MED0032.md"));
        var listed = Regex.Matches(page, @"^\| `(?<type>[^`]+)` \| (?<why>[^|]+) \|$", RegexOptions.Multiline)
            .Select(m => m.Groups["type"].Value + " | " + m.Groups["why"].Value)
            .ToList();

        var expected = MutableTypes.Known.Select(k => k.Type + " | " + k.Why).Append("T[] | " + MutableTypes.ArrayWhy).ToList();
        Assert.Equal(expected, listed);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "")
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Mediator.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Mediator.sln not found above " + path);
    }
}
