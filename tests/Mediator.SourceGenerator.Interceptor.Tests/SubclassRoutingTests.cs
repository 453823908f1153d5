using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Interceptor.Tests;

/// <summary>
/// A message class that is not sealed may arrive as a subclass with a handler of its own; only the generic dispatch finds
/// that handler (the typed overload of the base runs the base's pipeline). So such a call is never bound: an unsealed
/// base with a handled subclass, sent as the subclass through a base-typed variable, reaches the subclass's handler with
/// interceptors or without. Checked by running both builds, not only by asking the compiler which calls it bound.
/// </summary>
public sealed class SubclassRoutingTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public class Shape : IRequest<string> { }

        public class Circle : Shape { }

        public class Notice : INotification { }

        public class Alarm : Notice { }

        public static class Log { public static readonly List<string> Lines = new(); }

        [Handler]
        public sealed class ShapeHandler : IRequestHandler<Shape, string>
        {
            public ValueTask<string> Handle(Shape request, CancellationToken cancellationToken) => new("shape");
        }

        [Handler]
        public sealed class CircleHandler : IRequestHandler<Circle, string>
        {
            public ValueTask<string> Handle(Circle request, CancellationToken cancellationToken) => new("circle");
        }

        [Handler]
        public sealed class NoticeHandler : INotificationHandler<Notice>
        {
            public ValueTask Handle(Notice notification, CancellationToken cancellationToken) { Log.Lines.Add("notice"); return default; }
        }

        [Handler]
        public sealed class AlarmHandler : INotificationHandler<Alarm>
        {
            public ValueTask Handle(Alarm notification, CancellationToken cancellationToken) { Log.Lines.Add("alarm"); return default; }
        }

        public static class Entry
        {
            public static async Task<string> Run()
            {
                var services = new ServiceCollection();
                services.AddMediator();
                using var provider = services.BuildServiceProvider();
                var sender = provider.GetRequiredService<ISender>();
                var publisher = provider.GetRequiredService<IPublisher>();
                Shape shape = new Circle();
                var answer = await sender.Send(shape);
                Notice notice = new Alarm();
                await publisher.Publish(notice);
                return answer + "," + string.Join(",", Log.Lines);
            }
        }
        """;

    [Fact]
    public async Task A_subclass_sent_through_a_base_typed_variable_reaches_its_own_handler_intercepted_or_not()
    {
        var intercepted = InterceptorRun.For(intercept: true, Source);
        var unbound = InterceptorRun.For(intercept: false, Source);
        Assert.Empty(intercepted.GeneratorDiagnostics);
        Assert.All(InterceptorRun.Calls(intercepted), c => Assert.Null(c.Interceptor));

        // The generic Send routes the Circle to Circle's handler; Publish<Notice> of an Alarm does what it did before.
        var expected = await CompiledApp.RunAsync(unbound);
        var actual = await CompiledApp.RunAsync(intercepted);
        Assert.StartsWith("circle,", expected, StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
