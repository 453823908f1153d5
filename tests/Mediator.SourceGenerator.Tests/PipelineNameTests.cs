using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Planning;
using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Names generated from message types (pipeline classes, their cache fields and helper methods, file names): valid,
/// readable, and unique where C# and Roslyn compare them, which for file names is ignoring case.
/// </summary>
public sealed class PipelineNameTests
{
    [Fact]
    public async Task Names_stay_unique_ignoring_case_across_kinds_and_apart_from_helper_methods()
    {
        // Ping/ping differ only in case (file names compare them alike); FooStream is a request and Foo a stream request
        // (both FooStreamPipeline by suffix); FooNotification a request and Foo a notification; SendThroughBar a request
        // and Bar one too, with enough requests for the generic Send's helpers to be written (they were once named
        // SendThrough + the class name, the class name of the request SendThroughBar).
        var names = new[] { "Ping", "ping", "FooStream", "FooNotification", "SendThroughBar", "Bar", "R1", "R2", "R3", "R4" };
        var requests = string.Join("\n", names.Select((n, i) => $$"""
            public sealed class {{n}} : IRequest<int> { }
            [Handler] public sealed class {{n}}Handler : IRequestHandler<{{n}}, int> { public ValueTask<int> Handle({{n}} request, CancellationToken cancellationToken) => new({{i}}); }
            """));
        var source = Sources.Usings + "using System.Collections.Generic;\nusing Microsoft.Extensions.DependencyInjection;\nnamespace App;\n" + requests + $$"""

            public sealed class Foo : IStreamRequest<int>, INotification { }
            [Handler] public sealed class FooItemsHandler : IStreamRequestHandler<Foo, int> { public async IAsyncEnumerable<int> Handle(Foo request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) { await Task.Yield(); yield return 7; } }
            [Handler] public sealed class FooNoteHandler : INotificationHandler<Foo> { public static int Count; public ValueTask Handle(Foo notification, CancellationToken cancellationToken) { Count++; return default; } }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    var answers = new List<int>();
                    {{string.Join("\n", names.Select(n => $"answers.Add(await mediator.Send(new {n}())); answers.Add(await ((ISender)mediator).Send(new {n}()));"))}}
                    await foreach (var item in mediator.CreateStream(new Foo())) answers.Add(item);
                    await mediator.Publish(new Foo());
                    return string.Join(",", answers) + " " + FooNoteHandler.Count;
                }
            }
            """;

        var run = GeneratorRun.For(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        var hintNames = run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(hintNames, h => Assert.Matches("^Mediator(\\.[A-Za-z0-9_]+)*\\.g\\.cs$", h));
        Assert.Equal("0,0,1,1,2,2,3,3,4,4,5,5,6,6,7,7,8,8,9,9,7 1", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public void Clashing_names_are_qualified_where_that_tells_them_apart_and_numbered_where_it_does_not()
    {
        var subjects = new[]
        {
            Request("global::A.ping"),
            Request("global::B.Ping"),
            Request("global::App.Same"),
            Request("global::App.same"),
            Request("global::App.PingStream"),
            new PipelineNames.Subject(PipelineNames.StreamSuffix, "global::App.Ping", TypeRef.Named("global::App.Ping")),
        };

        var names = PipelineNames.Assign(subjects);

        // A.ping and B.Ping: their namespaces tell them apart. App.Same and App.same: only a number does, given to the
        // later by key (ordinal: upper case first). The request PingStream and the stream Ping: the same name in one
        // namespace, numbered by kind (requests first).
        Assert.Equal("A_pingPipeline", names[(PipelineNames.RequestSuffix, "global::A.ping")]);
        Assert.Equal("B_PingPipeline", names[(PipelineNames.RequestSuffix, "global::B.Ping")]);
        Assert.Equal("SamePipeline", names[(PipelineNames.RequestSuffix, "global::App.Same")]);
        Assert.Equal("samePipeline2", names[(PipelineNames.RequestSuffix, "global::App.same")]);
        Assert.Equal("PingStreamPipeline", names[(PipelineNames.RequestSuffix, "global::App.PingStream")]);
        Assert.Equal("PingStreamPipeline2", names[(PipelineNames.StreamSuffix, "global::App.Ping")]);
        Assert.Equal(names.Count, names.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        static PipelineNames.Subject Request(string type) => new(PipelineNames.RequestSuffix, type, TypeRef.Named(type));
    }

    [Fact]
    public void A_generic_message_is_named_after_each_form_of_its_type_arguments()
    {
        var cases = new (TypeRef Message, string Expected)[]
        {
            (Wrap(TypeRef.Named("int")), "Wrap_intPipeline"),
            (Wrap(TypeRef.NullableOf(TypeRef.Named("int"))), "Wrap_Nullable_intPipeline"),
            (Wrap(TypeRef.TupleOf(new[] { TypeRef.Named("int"), TypeRef.Named("string") }.ToEquatableArray(), new[] { "Id", "@class" }.ToEquatableArray())), "Wrap_ValueTuple_int_stringPipeline"),
            (Wrap(TypeRef.ArrayOf(TypeRef.Named("int"), 2)), "Wrap_int_Array2DPipeline"),
            (Wrap(TypeRef.ArrayOf(TypeRef.ArrayOf(TypeRef.Named("int"), 1), 1)), "Wrap_int_Array_ArrayPipeline"),
            (Wrap(new TypeRef(TypeRefKind.Named, "Inner", EquatableArray<TypeRef>.Empty, false, TypeRef.Named("global::App.Outer", TypeRef.Named("int")))), "Wrap_InnerPipeline"),
            (Wrap(TypeRef.DynamicType), "Wrap_objectPipeline"),
            (Wrap(TypeRef.Named("global::App.@event")), "Wrap_eventPipeline"),
            (TypeRef.Named("global::GlobalThing"), "GlobalThingPipeline"),
        };

        var names = PipelineNames.Assign(cases.Select(c => new PipelineNames.Subject(PipelineNames.RequestSuffix, c.Message.Display, c.Message)).ToList());

        Assert.All(cases, c => Assert.Equal(c.Expected, names[(PipelineNames.RequestSuffix, c.Message.Display)]));

        static TypeRef Wrap(TypeRef argument) => TypeRef.Named("global::App.Wrap", argument);
    }
}
