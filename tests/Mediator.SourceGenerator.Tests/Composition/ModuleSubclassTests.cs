using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// A subclass of a module's request, stream request or notification, sent or published through the host: it reaches the
/// handler of its nearest handled base class, as within one project, wherever that base is handled (this project or a
/// module), and the call is not MED0045. Run with a chain of type tests and, with more than eight module requests, with
/// the table.
/// </summary>
public sealed class ModuleSubclassTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public class Order : IRequest<string> { }
        public sealed class RushOrder : Order { }
        public class Job : IRequest { }
        public sealed class NightJob : Job { }
        public class Numbers : IStreamRequest<int> { }
        public sealed class MoreNumbers : Numbers { }
        public class Alert : INotification { }
        public sealed class FireAlert : Alert { }
        public class Shape : IRequest<string> { }
        public class Square : Shape { }
        public sealed class BigSquare : Square { }
        public static class Log { public static readonly System.Collections.Generic.List<string> Lines = new(); }
        """;

    private static string Module(int fillers) => """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class OrderHandler : IRequestHandler<Order, string>
        {
            public ValueTask<string> Handle(Order request, CancellationToken cancellationToken) => new("order:" + request.GetType().Name);
        }
        [Handler] internal sealed class JobHandler : IRequestHandler<Job>
        {
            public ValueTask Handle(Job request, CancellationToken cancellationToken) { Log.Lines.Add("job:" + request.GetType().Name); return default; }
        }
        [Handler] internal sealed class NumbersHandler : IStreamRequestHandler<Numbers, int>
        {
            public async IAsyncEnumerable<int> Handle(Numbers request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Yield();
                yield return request is MoreNumbers ? 2 : 1;
            }
        }
        [Handler] internal sealed class AlertHandler : INotificationHandler<Alert>
        {
            public ValueTask Handle(Alert notification, CancellationToken cancellationToken) { Log.Lines.Add("alert:" + notification.GetType().Name); return default; }
        }
        [Handler] internal sealed class SquareHandler : IRequestHandler<Square, string>
        {
            public ValueTask<string> Handle(Square request, CancellationToken cancellationToken) => new("module square:" + request.GetType().Name);
        }
        """ + string.Concat(Enumerable.Range(0, fillers).Select(i => $$"""

        public sealed record Filler{{i}} : IRequest<int>;
        [Handler] internal sealed class Filler{{i}}Handler : IRequestHandler<Filler{{i}}, int>
        {
            public ValueTask<int> Handle(Filler{{i}} request, CancellationToken cancellationToken) => new({{i}});
        }
        """));

    /// <summary>The host handles <c>Shape</c>, the base of the module's <c>Square</c>; it sends the subclasses by their own static types.</summary>
    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace Host;
        [Handler] internal sealed class ShapeHandler : IRequestHandler<Shape, string>
        {
            public ValueTask<string> Handle(Shape request, CancellationToken cancellationToken) => new("host shape:" + request.GetType().Name);
        }
        public static class Program
        {
            public static void Main() { }

            public static async Task Calls(ISender sender, IPublisher publisher)
            {
                await sender.Send(new RushOrder());
                await sender.Send(new NightJob());
                await sender.Send(new BigSquare());
                await foreach (var item in sender.CreateStream(new MoreNumbers())) { }
                await publisher.Publish(new FireAlert());
            }
        }
        """;

    private const string Entry = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Mediator;
        using Domain;
        namespace App;
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                var sender = provider.GetRequiredService<ISender>();
                var publisher = provider.GetRequiredService<IPublisher>();
                var lines = new System.Collections.Generic.List<string>();
                lines.Add(await sender.Send(new RushOrder()));
                lines.Add(await sender.Send(new Order()));
                await sender.Send(new NightJob());
                lines.Add(await sender.Send(new BigSquare()));
                lines.Add(await sender.Send(new Square()));
                lines.Add(await sender.Send(new Shape()));
                await foreach (var item in sender.CreateStream(new MoreNumbers())) lines.Add("stream:" + item);
                await publisher.Publish(new FireAlert());
                await publisher.Publish<Alert>(new FireAlert());
                lines.AddRange(Log.Lines);
                return string.Join("|", lines);
            }
        }
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public async Task Subclasses_reach_the_nearest_handled_base_across_modules_and_are_not_MED0045(int fillers)
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module(fillers));
        var host = set.GenerateApplication("Host", Host, Entry);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Equal(
            "order:RushOrder|order:Order|module square:BigSquare|module square:Square|host shape:Shape|stream:2|job:NightJob|alert:FireAlert|alert:FireAlert",
            await CompiledApp.RunAsync(host, set.Images.ToArray()));
        var generated = string.Concat(host.GeneratedSources.Select(s => s.Text));
        Assert.Equal(fillers > 8, generated.Contains("switch (ModuleRequestTypes.IndexOf(", StringComparison.Ordinal));
    }
}
