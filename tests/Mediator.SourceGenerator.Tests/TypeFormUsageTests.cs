using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Where type forms meet usage marks: an <c>[Obsolete]</c> or <c>[Experimental]</c> type that is not a message itself but
/// a part of one (a type argument, an array element, the underlying type of a nullable value type, a tuple element) in a
/// request, a void request, a response, a stream item and a notification, beside responses that are annotated or
/// <c>dynamic</c> (which <c>typeof</c> does not accept as written). The pipelines that name it are obsolete
/// contexts, the typed overloads carry copies of its mark, and the generic dispatch (chain of tests or table) reaches
/// them without naming it; every mark, with warnings as errors, built and run.
/// </summary>
public sealed class TypeFormUsageTests
{
    /// <summary>
    /// Generic messages closed over forms of the marked <c>OldThing</c> (a class) and <c>OldValue</c> (a struct), one
    /// handler class for all of them, and a generic middleware of each kind that logs its way through.
    /// </summary>
    private static string App(string mark, bool isError, string extraCode = "")
    {
        // With error: true every user type that names a marked type must be obsolete itself, as in a real program.
        var user = isError ? "[System.Obsolete(\"names an obsolete type\")] " : string.Empty;
        return """
            #pragma warning disable CS0612, CS0618, OLD001, OLD002, EXP001
            #nullable enable
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;

            namespace App
            {
                public static class Log { public static readonly List<string> Lines = new(); }

                public sealed class Wrap<T> : IRequest<T> { public Wrap(T value) { Value = value; } public T Value { get; } }
                public sealed class Forget<T> : IRequest { }
                public sealed class Pair<TKey, TValue> : IRequest<TValue> { public Pair(TKey key) { Key = key; } public TKey Key { get; } }

                // User code cannot implement an interface over 'dynamic' (CS1966), but a base class can, closed by a derived one.
                public abstract class RequestBase<TRequest, TResponse> : IRequestHandler<TRequest, TResponse>
                    where TRequest : IRequest<TResponse>
                {
                    public abstract ValueTask<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
                }
                public sealed class Items<T> : IStreamRequest<T> { public Items(T value) { Value = value; } public T Value { get; } }
                public sealed class Noted<T> : INotification { public Noted(T value) { Value = value; } public T Value { get; } }

            """ + $$"""
                {{mark}} public sealed class OldThing { public OldThing(int value) { Value = value; } public int Value { get; } }
                {{mark}} public struct OldValue { public int Value; }

                [Handler] {{user}}public sealed class Handlers :
                    IRequestHandler<Wrap<OldThing[]>, OldThing[]>,
                    IRequestHandler<Wrap<OldValue?>, OldValue?>,
                    IRequestHandler<Wrap<(OldThing Thing, int Count)>, (OldThing Thing, int Count)>,
                    IRequestHandler<Wrap<OldThing?>, OldThing?>,
                    IRequestHandler<Forget<OldValue[,]>>,
                    IStreamRequestHandler<Items<(OldThing, int)>, (OldThing, int)>,
                    INotificationHandler<Noted<List<OldThing>>>
                {
                    public ValueTask<OldThing[]> Handle(Wrap<OldThing[]> request, CancellationToken cancellationToken) => new(request.Value);
                    public ValueTask<OldValue?> Handle(Wrap<OldValue?> request, CancellationToken cancellationToken) => new(request.Value);
                    public ValueTask<(OldThing Thing, int Count)> Handle(Wrap<(OldThing Thing, int Count)> request, CancellationToken cancellationToken) => new(request.Value);
                    public ValueTask<OldThing?> Handle(Wrap<OldThing?> request, CancellationToken cancellationToken) => new(request.Value);
                    public ValueTask Handle(Forget<OldValue[,]> request, CancellationToken cancellationToken) { Log.Lines.Add("forget"); return default; }
                    public async IAsyncEnumerable<(OldThing, int)> Handle(Items<(OldThing, int)> request, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        yield return request.Value;
                        await Task.Yield();
                        yield return (new OldThing(request.Value.Item1.Value + 1), request.Value.Item2 + 1);
                    }

                    public ValueTask Handle(Noted<List<OldThing>> notification, CancellationToken cancellationToken) { Log.Lines.Add("noted " + notification.Value[0].Value); return default; }
                }

                [Handler] {{user}}public sealed class PairHandler : RequestBase<Pair<OldThing, dynamic>, dynamic>
                {
                    public override ValueTask<dynamic> Handle(Pair<OldThing, dynamic> request, CancellationToken cancellationToken) => new((object)request.Key);
                }

                [Middleware(Order = 1)]
                public sealed class RequestWrap<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                    where TRequest : IRequest<TResponse>
                {
                    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, INext<TRequest, TResponse>
                    {
                        Log.Lines.Add("request");
                        return next.InvokeAsync(request, context);
                    }
                }

                [Middleware(Order = 2)]
                public sealed class NoteWrap<TNotification> : INotificationMiddleware<TNotification>
                {
                    public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                        where TNext : struct, INotificationNext<TNotification>
                    {
                        Log.Lines.Add("notification");
                        return next.InvokeAsync(notification, context);
                    }
                }

                [Middleware(Order = 3)]
                public sealed class StreamWrap<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
                {
                    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, IStreamNext<TRequest, TItem>
                    {
                        Log.Lines.Add("stream");
                        await foreach (var item in next.InvokeAsync(request, context))
                        {
                            yield return item;
                        }
                    }
                }

                {{user}}public static class Factory
                {
                    public static Wrap<OldThing[]> Array() => new(new[] { new OldThing(1) });
                    public static Wrap<OldValue?> Nullable() => new(new OldValue { Value = 2 });
                    public static Wrap<(OldThing Thing, int Count)> Tuple() => new((new OldThing(3), 4));
                    public static Wrap<OldThing?> Annotated() => new(new OldThing(8));
                    public static Pair<OldThing, dynamic> Pair() => new(new OldThing(9));
                    public static Forget<OldValue[,]> Forget() => new();
                    public static Items<(OldThing, int)> Items() => new((new OldThing(5), 6));
                    public static Noted<List<OldThing>> Noted() => new(new List<OldThing> { new OldThing(7) });
                }

                {{user}}public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        using var provider = services.BuildServiceProvider();
                        var typed = provider.GetRequiredService<TestApp.Mediator>();
                        IMediator general = typed;
                        Log.Lines.Add("array " + (await typed.Send(Factory.Array()))[0].Value + " " + (await general.Send(Factory.Array()))[0].Value);
                        Log.Lines.Add("nullable " + (await typed.Send(Factory.Nullable()))!.Value.Value + " " + (await general.Send(Factory.Nullable()))!.Value.Value);
                        var tuple = await typed.Send(Factory.Tuple());
                        var generalTuple = await general.Send(Factory.Tuple());
                        Log.Lines.Add("tuple " + tuple.Thing.Value + "," + tuple.Count + " " + generalTuple.Thing.Value + "," + generalTuple.Count);
                        Log.Lines.Add("annotated " + (await typed.Send(Factory.Annotated()))!.Value + " " + (await general.Send(Factory.Annotated()))!.Value);
                        Log.Lines.Add("dynamic " + ((OldThing)(object)(await typed.Send(Factory.Pair()))).Value + " " + ((OldThing)(object)(await general.Send(Factory.Pair()))).Value);
                        await typed.Send(Factory.Forget());
                        await general.Send(Factory.Forget());
                        var items = new List<string>();
                        await foreach (var item in typed.CreateStream(Factory.Items())) items.Add(item.Item1.Value + ":" + item.Item2);
                        await foreach (var item in general.CreateStream(Factory.Items())) items.Add(item.Item1.Value + ":" + item.Item2);
                        Log.Lines.Add("items " + string.Join(",", items));
                        await typed.Publish(Factory.Noted());
                        await general.Publish(Factory.Noted());
                        return string.Join("|", Log.Lines);
                    }
                }
            }
            {{extraCode}}
            """;
    }

    private static readonly string Expected = string.Join("|", new[]
    {
        "request", "request", "array 1 1",
        "request", "request", "nullable 2 2",
        "request", "request", "tuple 3,4 3,4",
        "request", "request", "annotated 8 8",
        "request", "request", "dynamic 9 9",
        "request", "forget", "request", "forget",
        "stream", "stream", "items 5:6,6:7,5:6,6:7",
        "notification", "noted 7", "notification", "noted 7",
    });

    public static TheoryData<string, bool> Builds()
    {
        var data = new TheoryData<string, bool>();
        foreach (var mark in UsageAttributeTests.Marks)
        {
            data.Add(mark.Name, false);
        }

        // Above eight types of a kind the generic dispatch switches on a table, whose entries must not name them either.
        data.Add("obsolete error with an ID", true);
        data.Add("experimental", true);
        return data;
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public async Task A_marked_type_inside_a_message_s_type_forms_builds_with_warnings_as_errors_and_runs(string mark, bool table)
    {
        var (_, attribute, _, isError) = UsageAttributeTests.Marks.Single(m => m.Name == mark);
        var sources = table ? new[] { App(attribute, isError), Sources.Numbered("App.Fillers", "Filler", 9) } : new[] { App(attribute, isError) };

        var run = GeneratorRun.For(sources);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Assert.Equal(table, run.GeneratedSources.Single(s => s.HintName == "Mediator.g.cs").Text.Contains("TypeIndex"));
        var withWarningsAsErrors = run.Output.WithOptions(run.Output.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        Assert.Equal(Expected, await CompiledApp.RunAsync(withWarningsAsErrors));
    }

    [Theory]
    [InlineData("obsolete with a message")]
    [InlineData("obsolete error with an ID")]
    [InlineData("experimental")]
    public void A_call_of_a_typed_overload_whose_message_or_result_is_built_on_a_marked_type_reports_it_where_the_user_wrote_it(string mark)
    {
        // The calls name no marked type (the messages come from a factory): only the overloads' copies of the mark report.
        var (_, attribute, id, isError) = UsageAttributeTests.Marks.Single(m => m.Name == mark);
        var calls = new[]
        {
            "_ = typed.Send(Factory.Array());", "_ = typed.Send(Factory.Nullable());", "_ = typed.Send(Factory.Tuple());",
            "_ = typed.Send(Factory.Annotated());", "_ = typed.Send(Factory.Pair());",
            "_ = typed.Send(Factory.Forget());", "_ = typed.CreateStream(Factory.Items());", "_ = typed.Publish(Factory.Noted());",
        };
        var run = GeneratorRun.For(App(attribute, isError, """
            #pragma warning restore CS0612, CS0618, OLD001, OLD002, EXP001
            namespace App
            {
                public static class Caller
                {
                    public static void Call(TestApp.Mediator typed)
                    {

            """ + string.Join("\n", calls.Select(c => "            " + c)) + """

                    }
                }
            }
            """));

        var text = run.Input.SyntaxTrees.Single().GetText();
        var reported = run.Output.GetDiagnostics()
            .Where(d => d.Id == id && d.Location.SourceTree is { } tree && !run.Result.GeneratedTrees.Contains(tree))
            .Select(d => text.Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim())
            .ToList();
        Assert.Equal(calls.OrderBy(c => c, StringComparer.Ordinal), reported.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }
}
