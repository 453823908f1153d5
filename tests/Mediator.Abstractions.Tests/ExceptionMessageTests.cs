using Mediator;

namespace Mediator.Abstractions.Tests;

public sealed record CancelOrder : IRequest<bool>;

public sealed record IdentifiedCommand<TCommand, TResponse>(TCommand Command) : IRequest<TResponse>;

public static class Outer
{
    public sealed class Inner : IRequest<int> { }

    public sealed class Generic<T>
    {
        public sealed class Deeper<U> : IRequest<int> { }
    }
}

public enum Color { Red }

/// <summary>
/// The exceptions of a dispatch name the message type as C# writes it, not as <see cref="Type.FullName"/> does
/// (<c>IdentifiedCommand`2[[CancelOrder, Tests, Version=...]]</c>), and <see cref="NotAMessageException"/> says what to do.
/// </summary>
public sealed class ExceptionMessageTests
{
    [Theory]
    [InlineData(typeof(IdentifiedCommand<CancelOrder, bool>), "IdentifiedCommand<CancelOrder, bool>")]
    [InlineData(typeof(Outer.Inner), "Outer.Inner")]
    [InlineData(typeof(Outer.Generic<string>.Deeper<int?>), "Outer.Generic<string>.Deeper<int?>")]
    [InlineData(typeof(int?), "int?")]
    [InlineData(typeof(IdentifiedCommand<int[], (int, string)>), "IdentifiedCommand<int[], (int, string)>")]
    [InlineData(typeof(List<object>[,]), "List<object>[,]")]
    [InlineData(typeof(Color), "Color")]
    [InlineData(typeof(IdentifiedCommand<,>), "IdentifiedCommand<TCommand, TResponse>")]
    public void HandlerNotFoundException_names_the_type_as_CSharp_writes_it(Type type, string expected)
    {
        var exception = new HandlerNotFoundException(type);

        Assert.StartsWith("No handler for '" + expected + "' was compiled into this mediator.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("`", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Version=", exception.Message, StringComparison.Ordinal);
        Assert.Same(type, exception.MessageType);
    }

    [Fact]
    public void The_other_exceptions_of_a_dispatch_name_types_as_CSharp_writes_them_too()
    {
        var message = typeof(IdentifiedCommand<CancelOrder, bool>);
        var handler = typeof(Outer.Generic<string>.Deeper<int?>);
        var messages = new[]
        {
            new ScopeRequiredException(message).Message,
            new StreamHandlerReturnedNullException(handler).Message,
            new PublishException(message, [new NotificationFailure(handler, new InvalidOperationException(), 1)]).Message,
        };

        Assert.StartsWith("The pipeline of 'IdentifiedCommand<CancelOrder, bool>' has scoped components", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("The stream handler 'Outer.Generic<string>.Deeper<int?>' returned null", messages[1], StringComparison.Ordinal);
        Assert.StartsWith("1 handler(s) of 'IdentifiedCommand<CancelOrder, bool>' failed: Outer.Generic<string>.Deeper<int?> (InvalidOperationException).", messages[2], StringComparison.Ordinal);
        Assert.All(messages, m => Assert.DoesNotContain("`", m, StringComparison.Ordinal));
    }

    [Fact]
    public void NotAMessageException_is_an_ArgumentException_that_names_the_parameter_and_says_what_to_do()
    {
        var send = new NotAMessageException(typeof(Dictionary<string, int>), "Send");
        var publish = new NotAMessageException(typeof(CancelOrder), "Publish");

        Assert.IsAssignableFrom<ArgumentException>(send);
        Assert.Equal("request", send.ParamName);
        Assert.Equal("notification", publish.ParamName);
        Assert.Same(typeof(Dictionary<string, int>), send.ObjectType);
        Assert.Equal("Send", send.DispatchMethod);
        Assert.StartsWith("'Dictionary<string, int>' is not a message: Send(object) dispatches objects that implement IRequest<TResponse>", send.Message, StringComparison.Ordinal);
        Assert.StartsWith("'CancelOrder' is a request or stream request, not a notification", publish.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new NotAMessageException(null!, "Send"));
        Assert.Throws<ArgumentNullException>(() => new HandlerNotFoundException(null!));
    }
}
