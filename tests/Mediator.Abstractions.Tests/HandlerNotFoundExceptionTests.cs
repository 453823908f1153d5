using Mediator;

namespace Mediator.Abstractions.Tests;

/// <summary>The exception names the message as C# writes it (issue 23, item 2), not in assembly-qualified form.</summary>
public sealed class HandlerNotFoundExceptionTests
{
    public sealed class CancelOrder : IRequest<bool>;

    public sealed class IdentifiedCommand<TCommand, TResult> : IRequest<TResult>
    {
        public sealed class Retry<TReason>;
    }

    [Theory]
    [InlineData(typeof(CancelOrder), "Mediator.Abstractions.Tests.HandlerNotFoundExceptionTests.CancelOrder")]
    [InlineData(typeof(IdentifiedCommand<CancelOrder, bool>), "Mediator.Abstractions.Tests.HandlerNotFoundExceptionTests.IdentifiedCommand<Mediator.Abstractions.Tests.HandlerNotFoundExceptionTests.CancelOrder, System.Boolean>")]
    [InlineData(typeof(IdentifiedCommand<CancelOrder[], int?>.Retry<string>), "Mediator.Abstractions.Tests.HandlerNotFoundExceptionTests.IdentifiedCommand<Mediator.Abstractions.Tests.HandlerNotFoundExceptionTests.CancelOrder[], System.Nullable<System.Int32>>.Retry<System.String>")]
    public void The_message_names_the_type_as_CSharp_writes_it(Type messageType, string name)
    {
        var exception = new HandlerNotFoundException(messageType);
        Assert.StartsWith("No handler for '" + name + "' was compiled into this mediator.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Version=", exception.Message, StringComparison.Ordinal);
        Assert.Same(messageType, exception.MessageType);
    }
}
