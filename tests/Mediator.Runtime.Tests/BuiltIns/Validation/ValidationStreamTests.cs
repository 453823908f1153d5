using Mediator;
using Mediator.Validation;

namespace RuntimeTests.BuiltIns.Validation;

/// <summary>
/// The stream side of validation: the request's own check and its validators run before the first item; an invalid
/// request fails the first read with every error and never opens the handler's stream.
/// </summary>
public sealed class ValidationStreamTests
{
    public sealed record Page(int Size) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors.Require(Size > 0, nameof(Size), "Must be positive.");
    }

    public sealed record Plain;

    private sealed class AtMostTen : IValidator<Page>
    {
        public async ValueTask ValidateAsync(Page message, ValidationErrors errors, CancellationToken cancellationToken)
        {
            await Task.Yield();
            errors.Require(message.Size <= 10, nameof(Page.Size), "At most ten.");
        }
    }

    private static IAsyncEnumerator<int> Open<T>(IValidator<T>[] validators, T request, TestStreamNext<T, int> next, CancellationToken cancellationToken = default)
        => ((IStreamMiddleware<T, int>)new ValidationMiddleware<T, int>(validators)).InvokeAsync(request, next, new MessageContext(typeof(T), cancellationToken));

    [Fact]
    public async Task An_invalid_stream_request_fails_before_the_first_item_and_never_opens_the_handler()
    {
        var handler = new StreamHandlerStub();

        var error = await Assert.ThrowsAsync<ValidationException>(() => StreamHandlerStub.ReadAll(Open([], new Page(0), handler.Next<Page>(3))));

        Assert.Equal(nameof(Page.Size), Assert.Single(error.Errors).Member);
        Assert.Equal(0, handler.Opened);
    }

    [Fact]
    public async Task The_requests_own_check_and_its_validators_all_report_before_the_handler()
    {
        var handler = new StreamHandlerStub();

        var error = await Assert.ThrowsAsync<ValidationException>(() => StreamHandlerStub.ReadAll(Open([new AtMostTen()], new Page(11), handler.Next<Page>(3))));
        Assert.Equal("At most ten.", Assert.Single(error.Errors).Message);
        Assert.Equal(0, handler.Opened);

        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open([new AtMostTen()], new Page(5), handler.Next<Page>(3))));
        Assert.Equal(1, handler.Opened);
    }

    [Fact]
    public async Task A_stream_request_with_nothing_to_validate_passes_through()
    {
        var handler = new StreamHandlerStub();

        Assert.Equal([0, 1], await StreamHandlerStub.ReadAll(Open([], new Plain(), handler.Next<Plain>(2))));
    }

    [Fact]
    public async Task A_failure_after_some_items_and_cancellation_between_items_reach_the_caller()
    {
        var failing = new StreamHandlerStub();
        var read = new List<int>();
        var enumerator = Open([], new Page(1), failing.Next<Page>(5, failAfter: 2));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using (enumerator)
                while (await enumerator.MoveNextAsync()) read.Add(enumerator.Current);
        });
        Assert.Equal([0, 1], read);
        Assert.Equal(1, failing.Finished);

        var cancelled = new StreamHandlerStub();
        using var cancellation = new CancellationTokenSource();
        await using (var items = Open([], new Page(1), cancelled.Next<Page>(5), cancellation.Token))
        {
            Assert.True(await items.MoveNextAsync());
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await items.MoveNextAsync());
        }

        Assert.Equal((1, 1), (cancelled.Produced, cancelled.Finished));
    }
}
