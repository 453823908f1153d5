using System.Reflection;
using Mediator;

namespace RuntimeTests;

/// <summary>
/// The generic <c>Send</c>, <c>Publish</c> and <c>CreateStream</c> of a project with more message types than the chain
/// limit: a table lookup and a switch find the pipeline, with the semantics of the chain of type tests it replaces
/// (subclasses to the nearest handled base, <c>TResponse</c> choosing among several answers, structs unboxed, unknown
/// types rejected, notifications nobody handles ignored). One scenario on both sides of the limit: Mediator.SourceGenerator.Tests,
/// GenericDispatchTableTests.
/// </summary>
public sealed class GenericDispatchTests
{
    [Theory]
    [InlineData("RequestTypes")]
    [InlineData("NotificationTypes")]
    [InlineData("StreamRequestTypes")]
    public void This_project_is_above_the_chain_limit_so_the_generic_paths_use_a_type_table(string table)
    {
        var field = typeof(Mediator).GetField(table, BindingFlags.NonPublic | BindingFlags.Static);

        Assert.NotNull(field);
        Assert.IsType<global::Mediator.Internal.TypeIndex>(field!.GetValue(null));
    }

    [Fact]
    public async Task Every_request_type_reaches_its_own_pipeline_through_IMediator()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;
        IRequest<int>[] requests =
        {
            new Numbered00(), new Numbered01(), new Numbered02(), new Numbered03(), new Numbered04(), new Numbered05(),
            new Numbered06(), new Numbered07(), new Numbered08(), new Numbered09(), new Numbered10(), new Numbered11(),
        };

        for (var i = 0; i < requests.Length; i++)
        {
            Assert.Equal(i, await mediator.Send(requests[i]));
        }

        Assert.Equal("HELLO", await mediator.Send(new Traced("hello")));
        Assert.Equal(42, await mediator.Send(new StructQuery(21)));
    }

    [Fact]
    public async Task A_subclass_goes_to_its_nearest_handled_base_class()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;

        Assert.Equal("animal", await mediator.Send(new Animal()));
        Assert.Equal("dog", await mediator.Send(new Dog()));
        Assert.Equal("dog", await mediator.Send(new Puppy()));
        Assert.Equal("animal", await mediator.Send(new Cat()));
        Assert.Equal("dog", await mediator.Send<string>(new Puppy()));
    }

    [Fact]
    public async Task The_response_type_picks_the_pipeline_of_a_request_with_two_answers()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;

        Assert.Equal(42, await mediator.Send<int>(new TwoAnswers()));
        Assert.Equal("forty-two", await mediator.Send<string>(new TwoAnswers()));
    }

    [Fact]
    public async Task A_struct_request_is_unboxed_for_its_pipeline()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;
        IRequest<int> boxed = new StructQuery(5);

        Assert.Equal(10, await mediator.Send(boxed));
    }

    [Fact]
    public async Task Unknown_request_types_and_null_are_rejected()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;

#pragma warning disable MED0045 // sent on purpose with no handler: the run-time HandlerNotFoundException is what is tested
        var error = await Assert.ThrowsAsync<HandlerNotFoundException>(async () => await mediator.Send(new Unhandled()));
#pragma warning restore MED0045
        Assert.Equal(typeof(Unhandled), error.MessageType);
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await mediator.Send((IRequest<int>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await mediator.Send((IRequest)null!));
    }

    // This project has few void requests, so its void Send keeps the chain: Mediator.SourceGenerator.Tests runs the same
    // cases through the void Send's table.
    [Fact]
    public async Task The_void_Send_reaches_void_pipelines_and_subclasses_and_rejects_the_rest()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;

        await mediator.Send(new Chore());
        await mediator.Send(new Dishes());
        await mediator.Send(new TracedCommand("x"));

        Assert.Equal(new[] { "chore Chore", "chore Dishes" }, host.Recorder.Lines.Where(l => l.StartsWith("chore", StringComparison.Ordinal)));
        Assert.Contains("handler x", host.Recorder.Lines);
#pragma warning disable MED0045 // sent on purpose with no handler: the run-time HandlerNotFoundException is what is tested
        await Assert.ThrowsAsync<HandlerNotFoundException>(async () => await mediator.Send(new UnhandledCommand()));
#pragma warning restore MED0045
    }

    [Fact]
    public async Task The_generic_Send_of_a_void_request_answers_Unit()
    {
        using var host = TestHost.Create();
        IMediator mediator = host.Mediator;

        Assert.Equal(Unit.Value, await mediator.Send<Unit>(new Dishes()));
        Assert.Equal(new[] { "chore Dishes" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task Publish_finds_struct_notifications_subclasses_and_ignores_types_nobody_handles()
    {
        using var host = TestHost.Create();
        IPublisher publisher = host.Mediator;

        await publisher.Publish(new Tick(3));
        await publisher.Publish<INotification>(new Tick(4));
        await publisher.Publish(new FireAlert());
        await publisher.Publish<Alert>(new FireAlert());
        await publisher.Publish(new NobodyListens());

        Assert.Equal(new[] { "tick 3", "tick 4", "alert FireAlert", "alert FireAlert" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task CreateStream_finds_subclasses_and_structs_and_rejects_unknown_types()
    {
        using var host = TestHost.Create();
        ISender sender = host.Mediator;

        Assert.Equal(new[] { 'a' }, await StreamReading.ReadAll(sender.CreateStream(new Letters())));
        Assert.Equal(new[] { 'x' }, await StreamReading.ReadAll(sender.CreateStream(new MoreLetters())));
        Assert.Equal(new[] { 2, 2 }, await StreamReading.ReadAll(sender.CreateStream(new Repeat(2))));
        Assert.Equal(new[] { "hi" }, await StreamReading.ReadAll(sender.CreateStream(new Echo("hi"))));
        Assert.Equal(new[] { "yo", "yo" }, await StreamReading.ReadAll(sender.CreateStream(new EchoTwice("yo"))));
        Assert.Equal(new[] { 1, 2 }, await StreamReading.ReadAll(sender.CreateStream(new CountTo(2))));
#pragma warning disable MED0045 // sent on purpose with no handler: the run-time HandlerNotFoundException is what is tested
        Assert.Throws<HandlerNotFoundException>(() => sender.CreateStream(new UnhandledStream()));
#pragma warning restore MED0045
    }
}
