using Mediator;

namespace Mediator.Abstractions.Tests;

public sealed class MessageContextTests
{
    [Fact]
    public void A_new_context_carries_type_and_token_and_no_bag()
    {
        using var source = new CancellationTokenSource();
        var context = new MessageContext(typeof(string), source.Token);

        Assert.Equal(typeof(string), context.MessageType);
        Assert.Equal(source.Token, context.CancellationToken);
        Assert.False(context.HasItems);
        Assert.Empty(context.Items);
        Assert.False(context.TryGetItem<string>("anything", out _));
    }

    [Fact]
    public void Writing_without_a_bag_explains_how_to_get_one()
    {
        var context = new MessageContext(typeof(string), default);

        var error = Assert.Throws<InvalidOperationException>(() => context.Items["key"] = 1);

        Assert.Contains("WithItems()", error.Message);
        Assert.Throws<InvalidOperationException>(() => context.Items.Add("key", 1));
        Assert.Throws<KeyNotFoundException>(() => context.Items["missing"]);
    }

    [Fact]
    public void WithItems_creates_one_bag_that_every_copy_shares()
    {
        var outer = new MessageContext(typeof(string), default).WithItems();
        var inner = outer.WithItems();

        inner.Items["written inside"] = 42;

        Assert.True(outer.HasItems);
        Assert.True(outer.TryGetItem<int>("written inside", out var value));
        Assert.Equal(42, value);
        Assert.False(outer.TryGetItem<string>("written inside", out _));
    }

    [Fact]
    public void WithCancellationToken_keeps_the_bag_and_the_type()
    {
        using var source = new CancellationTokenSource();
        var context = new MessageContext(typeof(int), default).WithItems();
        context.Items["kept"] = true;

        var linked = context.WithCancellationToken(source.Token);

        Assert.Equal(source.Token, linked.CancellationToken);
        Assert.Equal(typeof(int), linked.MessageType);
        Assert.True(linked.TryGetItem<bool>("kept", out var kept) && kept);
        Assert.Equal(default, context.CancellationToken);
    }
}
