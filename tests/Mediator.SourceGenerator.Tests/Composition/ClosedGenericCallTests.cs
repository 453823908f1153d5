using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// Issue 23, item 3: a closed generic message built in code (<c>IdentifiedCommand&lt;CancelOrder, bool&gt;</c>) whose
/// instantiation has no handler is reported at the call, as any request handled nowhere: MED0045, an error, in an
/// application; MED0046, a warning, in a library (its host may handle it in a project this one does not reference).
/// Another instantiation of the same generic type being handled does not hide it, nor does a handler of its type argument; a message still open at the call (a type
/// parameter of the calling method) is left alone, as only the caller's callers know it.
/// </summary>
public sealed class ClosedGenericCallTests
{
    private const string Shop = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        namespace Shop;
        public sealed record CreateOrder(int Id) : IRequest<bool>;
        public sealed record CancelOrder(int Id) : IRequest<bool>;
        public sealed record IdentifiedCommand<TCommand, TResult>(TCommand Command, Guid RequestId) : IRequest<TResult>
            where TCommand : IRequest<TResult>;
        public sealed record Page<T>(int Size) : IStreamRequest<T>;
        [Handler] internal sealed class CreateOrderHandler : IRequestHandler<CreateOrder, bool>
        {
            public ValueTask<bool> Handle(CreateOrder request, CancellationToken cancellationToken) => new(true);
        }
        [Handler] internal sealed class CancelOrderHandler : IRequestHandler<CancelOrder, bool>
        {
            public ValueTask<bool> Handle(CancelOrder request, CancellationToken cancellationToken) => new(true);
        }
        [Handler] internal sealed class IdentifiedCreateHandler : IRequestHandler<IdentifiedCommand<CreateOrder, bool>, bool>
        {
            public ValueTask<bool> Handle(IdentifiedCommand<CreateOrder, bool> request, CancellationToken cancellationToken) => new(true);
        }
        [Handler] internal sealed class OrderPageHandler : IStreamRequestHandler<Page<CreateOrder>, CreateOrder>
        {
            public async IAsyncEnumerable<CreateOrder> Handle(Page<CreateOrder> request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Yield();
                yield return new CreateOrder(1);
            }
        }
        public static class Program
        {
            public static void Main() { }

            public static async Task Calls(ISender sender, IMediator mediator, Guid id)
            {
                await sender.Send(new IdentifiedCommand<CancelOrder, bool>(new CancelOrder(1), id)); // lost
                await mediator.Send<bool>(new IdentifiedCommand<IdentifiedCommand<CreateOrder, bool>, bool>(new(new CreateOrder(1), id), id)); // lost
                sender.CreateStream(new Page<CancelOrder>(10)); // lost
                await sender.Send(new IdentifiedCommand<CreateOrder, bool>(new CreateOrder(1), id));
                await sender.Send(new CreateOrder(2));
                mediator.CreateStream(new Page<CreateOrder>(10));
            }

            public static ValueTask<bool> Open<TCommand>(ISender sender, TCommand command, Guid id) where TCommand : IRequest<bool>
                => sender.Send(new IdentifiedCommand<TCommand, bool>(command, id));
        }
        """;

    [Theory]
    [InlineData(true, "MED0045", DiagnosticSeverity.Error)]
    [InlineData(false, "MED0046", DiagnosticSeverity.Warning)]
    public void A_closed_generic_with_no_handler_for_its_instantiation_is_reported_at_the_call(bool application, string id, DiagnosticSeverity severity)
    {
        var set = new ProjectSet();
        var run = application ? set.GenerateApplication("Shop", Shop) : set.Generate("Shop", Shop);
        Assert.Empty(run.CompilationErrors);

        var lost = run.GeneratorDiagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(LostLines(), lost.Select(d => d.Location.GetLineSpan().StartLinePosition.Line));
        Assert.All(lost, d => Assert.Equal(id, d.Id));
        Assert.All(lost, d => Assert.Equal(severity, d.Severity));
        Assert.Equal(
            "sender.Send(new IdentifiedCommand<CancelOrder, bool>(new CancelOrder(1), id))",
            lost[0].Location.SourceTree!.GetText().ToString(lost[0].Location.SourceSpan));
        Assert.StartsWith("Request 'Shop.IdentifiedCommand<Shop.CancelOrder, bool>' has no handler in 'Shop'", lost[0].GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith(
            "Request 'Shop.IdentifiedCommand<Shop.IdentifiedCommand<Shop.CreateOrder, bool>, bool>' has no handler",
            lost[1].GetMessage(),
            StringComparison.Ordinal);
        Assert.StartsWith("Stream request 'Shop.Page<Shop.CancelOrder>' has no handler", lost[2].GetMessage(), StringComparison.Ordinal);
    }

    private static IEnumerable<int> LostLines()
        => Shop.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.Contains("// lost", StringComparison.Ordinal)).Select(l => l.index);
}
