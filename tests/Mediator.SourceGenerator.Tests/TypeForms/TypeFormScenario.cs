using System.Text;

namespace Mediator.SourceGenerator.Tests.TypeForms;

/// <summary>
/// User code that puts each type form in every place a message type reaches generated code, through three generic
/// messages closed over it by their handlers: <c>Wrap&lt;T&gt; : IRequest&lt;T&gt;</c> (the form is the response and a type
/// argument of the request), <c>Flow&lt;T&gt; : IStreamRequest&lt;T&gt;</c> (the stream item and a type argument of the
/// stream request) and <c>Note&lt;T&gt; : INotification</c> (a type argument of the notification). Generic middleware wraps
/// every pipeline (one unconstrained, one <c>where TResponse : struct</c>, one <c>where TResponse : class</c>, one over
/// <c>TValue?</c> with <c>where TValue : struct</c>, one for streams and one for notifications); <c>App.Entry.Run()</c> sends, streams and publishes every message through the
/// typed and the generic paths and returns "ok", or what went wrong.
/// </summary>
/// <remarks>
/// A form that mentions <c>dynamic</c> cannot be the argument of an interface a user type implements (CS1966), so its
/// handlers derive from generic base classes, which C# allows. Handlers of the other forms alternate between a sealed
/// class (called through the contract), an unsealed one (its public <c>Handle</c> called directly) and a base class.
/// The checks run synchronously (every handler and middleware here completes at once): an async method per form would
/// double the time the compiler spends on user code.
/// </remarks>
internal static class TypeFormScenario
{
    /// <summary>The positions each form takes: response, stream item, type argument of a request, of a stream request and of a notification.</summary>
    public const int Positions = 5;

    /// <param name="forms">The forms.</param>
    /// <param name="plainMessages">
    /// Also a non-generic request <c>Ask{k} : IRequest&lt;T&gt;</c> and stream request <c>Items{k} : IStreamRequest&lt;T&gt;</c>
    /// per form (but those mentioning <c>dynamic</c>, which user code cannot declare): the shape a user writes first.
    /// </param>
    public static string Source(IReadOnlyList<TypeForm> forms, bool plainMessages = false)
    {
        var code = new StringBuilder(Fixture);
        code.Append("namespace App\n{\n");
        var checks = new StringBuilder("    public static partial class Checks\n    {\n");
        for (var k = 0; k < forms.Count; k++)
        {
            WriteForm(code, checks, forms[k], k, plainMessages && HasPlainMessages(forms[k]));
        }

        checks.Append("        public static readonly global::System.Func<global::TestApp.Mediator, string?>[] All =\n        {\n");
        for (var k = 0; k < forms.Count; k++)
        {
            checks.Append("            Check").Append(k).Append(",\n");
        }

        checks.Append("        };\n    }\n");
        code.Append(checks);
        code.Append(Entry(forms, plainMessages));
        code.Append("}\n");
        return code.ToString();
    }

    /// <summary>Whether a form gets <c>Ask{k}</c> and <c>Items{k}</c> when plain messages are asked for.</summary>
    public static bool HasPlainMessages(TypeForm form) => !form.HasDynamic;

    private static void WriteForm(StringBuilder code, StringBuilder checks, TypeForm form, int k, bool plain)
    {
        var t = form.Text;
        var value = Argument(form, "request.Value");

        // How each handler is written: 0 sealed (called through its contract), 1 unsealed (its Handle called directly), 2 through a base class.
        var shape = form.HasDynamic ? 2 : k % 3;
        var modifier = shape == 0 ? "sealed " : string.Empty;
        code.Append($"    // form {k}: {t}\n");
        code.Append(shape == 2
            ? $$"""
                    [Handler] public sealed class WrapHandler{{k}} : RequestBase<Wrap<{{t}}>, {{t}}> { public override ValueTask<{{t}}> Handle(Wrap<{{t}}> request, CancellationToken cancellationToken) => new({{value}}); }
                    [Handler] public sealed class FlowHandler{{k}} : StreamBase<Flow<{{t}}>, {{t}}> { public override IAsyncEnumerable<{{t}}> Handle(Flow<{{t}}> request, CancellationToken cancellationToken) => new One<{{t}}>({{value}}); }
                    [Handler] public sealed class NoteHandler{{k}} : NoteBase<Note<{{t}}>> { public override ValueTask Handle(Note<{{t}}> request, CancellationToken cancellationToken) { Log.LastNoted = (object?)request.Value; return default; } }

                """
            : $$"""
                    [Handler] public {{modifier}}class WrapHandler{{k}} : IRequestHandler<Wrap<{{t}}>, {{t}}> { public ValueTask<{{t}}> Handle(Wrap<{{t}}> request, CancellationToken cancellationToken) => new({{value}}); }
                    [Handler] public {{modifier}}class FlowHandler{{k}} : IStreamRequestHandler<Flow<{{t}}>, {{t}}> { public IAsyncEnumerable<{{t}}> Handle(Flow<{{t}}> request, CancellationToken cancellationToken) => new One<{{t}}>({{value}}); }
                    [Handler] public {{modifier}}class NoteHandler{{k}} : INotificationHandler<Note<{{t}}>> { public ValueTask Handle(Note<{{t}}> request, CancellationToken cancellationToken) { Log.LastNoted = (object?)request.Value; return default; } }

                """);

        var v = Argument(form, "value");
        var plainChecks = string.Empty;
        if (plain)
        {
            code.Append($$"""
                    public sealed class Ask{{k}} : IRequest<{{t}}> { }
                    public sealed class Items{{k}} : IStreamRequest<{{t}}> { }
                    [Handler] public {{modifier}}class AskHandler{{k}} : IRequestHandler<Ask{{k}}, {{t}}> { public ValueTask<{{t}}> Handle(Ask{{k}} request, CancellationToken cancellationToken) => new(Checks.Expected{{k}}); }
                    [Handler] public {{modifier}}class ItemsHandler{{k}} : IStreamRequestHandler<Items{{k}}, {{t}}> { public IAsyncEnumerable<{{t}}> Handle(Items{{k}} request, CancellationToken cancellationToken) => new One<{{t}}>(Checks.Expected{{k}}); }

                """);
            plainChecks = $$"""
                            Expected{{k}} = value;
                            var plain = m.Send(new Ask{{k}}()).AsTask().GetAwaiter().GetResult();
                            if (!Same((object?)plain, (object?)value) || !Same((object?)plain, Log.LastResponse)) return "Ask{{k}}: another answer came back, or the middleware did not see it";
                            var plainGeneric = ((ISender)m).Send(new Ask{{k}}()).AsTask().GetAwaiter().GetResult();
                            if (!Same((object?)plainGeneric, (object?)value)) return "Ask{{k}}: the generic Send answered otherwise";
                            var plainItems = m.CreateStream(new Items{{k}}()).GetAsyncEnumerator();
                            if (!plainItems.MoveNextAsync().AsTask().GetAwaiter().GetResult() || !Same((object?)plainItems.Current, (object?)value) || !Same((object?)plainItems.Current, Log.LastItem)) return "Items{{k}}: another item came back, or the middleware did not see it";
                            var plainGenericItems = ((ISender)m).CreateStream(new Items{{k}}()).GetAsyncEnumerator();
                            if (!plainGenericItems.MoveNextAsync().AsTask().GetAwaiter().GetResult() || !Same((object?)plainGenericItems.Current, (object?)value)) return "Items{{k}}: the generic CreateStream yielded another item";

                """;
            checks.Append($"        public static {t} Expected{k} = default!;\n");
        }

        checks.Append($$"""
                    public static string? Check{{k}}(global::TestApp.Mediator m)
                    {
                        {{t}} value = {{form.Value}};
            {{plainChecks}}
                        var answer = m.Send(new Wrap<{{t}}>({{v}})).AsTask().GetAwaiter().GetResult();
                        if (!Same((object?)answer, (object?)value) || !Same((object?)answer, Log.LastResponse)) return "another answer came back, or the middleware did not see it";
                        var generic = ((ISender)m).Send(new Wrap<{{t}}>({{v}})).AsTask().GetAwaiter().GetResult();
                        if (!Same((object?)generic, (object?)value) || !Same((object?)generic, Log.LastResponse)) return "the generic Send answered otherwise";
                        var items = m.CreateStream(new Flow<{{t}}>({{v}})).GetAsyncEnumerator();
                        if (!items.MoveNextAsync().AsTask().GetAwaiter().GetResult() || !Same((object?)items.Current, (object?)value) || !Same((object?)items.Current, Log.LastItem)) return "another item came back, or the middleware did not see it";
                        var genericItems = ((ISender)m).CreateStream(new Flow<{{t}}>({{v}})).GetAsyncEnumerator();
                        if (!genericItems.MoveNextAsync().AsTask().GetAwaiter().GetResult() || !Same((object?)genericItems.Current, (object?)value)) return "the generic CreateStream yielded another item";
                        Log.LastNoted = null;
                        m.Publish(new Note<{{t}}>({{v}})).AsTask().GetAwaiter().GetResult();
                        if (!Same(Log.LastNoted, (object?)value)) return "the handler did not get the notification";
                        Log.LastNoted = null;
                        ((IPublisher)m).Publish(new Note<{{t}}>({{v}})).AsTask().GetAwaiter().GetResult();
                        return Same(Log.LastNoted, (object?)value) ? null : "the generic Publish did not reach the handler";
                    }

            """);
    }

    /// <summary>
    /// An argument of the form's type: a call with an argument typed <c>dynamic</c> would be bound at run time (and
    /// need Microsoft.CSharp), so such an argument is passed as object, which converts to <c>dynamic</c> statically.
    /// </summary>
    private static string Argument(TypeForm form, string expression)
        => form.Text is "dynamic" or "dynamic?" ? "(object?)" + expression : expression;

    private static string Entry(IReadOnlyList<TypeForm> forms, bool plainMessages)
    {
        // 'where TResponse : struct' and 'where TResponse : class', judged per form, each run by the typed and the generic
        // Send of Wrap<T> (and of Ask{k}).
        int Sends(TypeForm form) => plainMessages && HasPlainMessages(form) ? 4 : 2;
        var structs = forms.Where(f => f.Category == FormCategory.Value).Sum(Sends);
        var classes = forms.Where(f => f.Category == FormCategory.Reference).Sum(Sends);
        var nullables = forms.Where(f => f.Category == FormCategory.NullableValue).Sum(Sends);
        return $$"""
                public static class Entry
                {
                    public static global::System.Threading.Tasks.Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        using var provider = services.BuildServiceProvider();
                        var mediator = provider.GetRequiredService<global::TestApp.Mediator>();
                        var failures = new List<string>();
                        for (var k = 0; k < Checks.All.Length; k++)
                        {
                            string? failure;
                            try { failure = Checks.All[k](mediator); }
                            catch (global::System.Exception exception) { failure = exception.GetType().Name + ": " + exception.Message; }
                            if (failure is not null) failures.Add("form " + k + ": " + failure);
                        }

                        if (Log.Structs != {{structs}}) failures.Add("the struct-constrained middleware ran " + Log.Structs + " times, expected {{structs}}");
                        if (Log.Classes != {{classes}}) failures.Add("the class-constrained middleware ran " + Log.Classes + " times, expected {{classes}}");
                        if (Log.Nullables != {{nullables}}) failures.Add("the middleware over TValue? ran " + Log.Nullables + " times, expected {{nullables}}");
                        if (Log.Notes != {{2 * forms.Count}}) failures.Add("the notification middleware ran " + Log.Notes + " times, expected {{2 * forms.Count}}");
                        return global::System.Threading.Tasks.Task.FromResult(failures.Count == 0 ? "ok" : string.Join("\n", failures));
                    }
                }

            """;
    }

    private const string Fixture = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App
        {
            public sealed record Wrap<T>(T Value) : IRequest<T>;
            public sealed record Flow<T>(T Value) : IStreamRequest<T>;
            public sealed record Note<T>(T Value) : INotification;

            public abstract class RequestBase<TRequest, TResponse> : IRequestHandler<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public abstract ValueTask<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }

            public abstract class StreamBase<TRequest, TItem> : IStreamRequestHandler<TRequest, TItem>
                where TRequest : IStreamRequest<TItem>
            {
                public abstract IAsyncEnumerable<TItem> Handle(TRequest request, CancellationToken cancellationToken);
            }

            public abstract class NoteBase<TNotification> : INotificationHandler<TNotification>
                where TNotification : INotification
            {
                public abstract ValueTask Handle(TNotification notification, CancellationToken cancellationToken);
            }

            /// <summary>A stream of one item that completes at once.</summary>
            public sealed class One<T> : IAsyncEnumerable<T>, IAsyncEnumerator<T>
            {
                private readonly T _item;
                private int _read;
                public One(T item) => _item = item;
                public T Current => _item;
                public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;
                public ValueTask<bool> MoveNextAsync() => new(_read++ == 0);
                public ValueTask DisposeAsync() => default;
            }

            public static class Log
            {
                public static object? LastResponse;
                public static object? LastItem;
                public static object? LastNoted;
                public static int Structs;
                public static int Classes;
                public static int Nullables;
                public static int Notes;
            }

            public static partial class Checks
            {
                private static bool Same(object? left, object? right) => left is not null && Equals(left, right);
            }

            [Middleware(Order = 1)]
            public sealed class Trace<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    var response = await next.InvokeAsync(request, context);
                    Log.LastResponse = response;
                    return response;
                }
            }

            [Middleware(Order = 2)]
            public sealed class StructOnly<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TResponse : struct
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    Log.Structs++;
                    return next.InvokeAsync(request, context);
                }
            }

            [Middleware(Order = 3)]
            public sealed class ClassOnly<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TResponse : class
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    Log.Classes++;
                    return next.InvokeAsync(request, context);
                }
            }

            [Middleware(Order = 3)]
            public sealed class NullableOnly<TRequest, TValue> : IRequestMiddleware<TRequest, TValue?>
                where TValue : struct
            {
                public ValueTask<TValue?> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TValue?>
                {
                    Log.Nullables++;
                    return next.InvokeAsync(request, context);
                }
            }

            [Middleware(Order = 4)]
            public sealed class StreamTrace<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
            {
                public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, IStreamNext<TRequest, TItem>
                {
                    await foreach (var item in next.InvokeAsync(request, context))
                    {
                        Log.LastItem = item;
                        yield return item;
                    }
                }
            }

            [Middleware(Order = 5)]
            public sealed class NoteTrace<TNotification> : INotificationMiddleware<TNotification>
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification>
                {
                    Log.Notes++;
                    return next.InvokeAsync(notification, context);
                }
            }
        }

        """;
}
