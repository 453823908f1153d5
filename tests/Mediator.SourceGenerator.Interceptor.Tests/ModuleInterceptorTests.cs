using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Interceptor.Tests;

/// <summary>
/// A host that composes a module (docs/multi-project.md): its calls of the module's messages bind to the host mediator's
/// typed overloads of them, which run the module's composed pipeline (the module's middleware included), the same as the
/// interface call. The module's own calls bind to the module's mediator, which is not the one registered in the host, so
/// at run time they take the interface call to the host's mediator as before.
/// </summary>
public sealed class ModuleInterceptorTests
{
    private const string Module = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        namespace Orders;

        public sealed record PlaceOrder(int Id) : IRequest<string>;

        public sealed class OrderPlaced : INotification { public int Id { get; init; } }

        public static class Log { public static readonly List<string> Lines = new(); }

        [Handler]
        internal sealed class PlaceOrderHandler : IRequestHandler<PlaceOrder, string>
        {
            public ValueTask<string> Handle(PlaceOrder request, CancellationToken cancellationToken) => new("placed:" + request.Id);
        }

        [Handler]
        internal sealed class OrderPlacedHandler : INotificationHandler<OrderPlaced>
        {
            public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) { Log.Lines.Add("placed " + notification.Id); return default; }
        }

        [Middleware]
        internal sealed class Trace<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IRequest<TResponse>
        {
            public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                Log.Lines.Add("trace>");
                var response = await next.InvokeAsync(request, context);
                Log.Lines.Add("<trace");
                return response;
            }
        }

        /// <summary>The module's own call, made from a host's process: it must reach the host's mediator.</summary>
        public static class Checkout
        {
            public static ValueTask<string> Place(ISender sender, int id) => sender.Send(new PlaceOrder(id));
        }
        """;

    private const string Host = """
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;
        using Orders;

        namespace App;

        public static class Entry
        {
            public static async Task<string> Run()
            {
                var services = new ServiceCollection();
                services.AddMediator();
                using var provider = services.BuildServiceProvider();
                var sender = provider.GetRequiredService<ISender>();
                var publisher = provider.GetRequiredService<IPublisher>();
                var answer = await sender.Send(new PlaceOrder(1));
                await publisher.Publish(new OrderPlaced { Id = 2 });
                var fromModule = await Checkout.Place(sender, 3);
                return answer + "," + fromModule + "," + string.Join(",", Log.Lines);
            }
        }
        """;

    [Fact]
    public async Task A_host_s_calls_of_a_module_s_messages_bind_to_the_composed_pipeline()
    {
        // The module is built as the package builds it (interceptors on): its own call is bound to its own mediator.
        var (module, moduleImage) = InterceptorRun.Module("Orders", Module);
        Assert.Empty(module.GeneratorDiagnostics);
        Assert.NotNull(Assert.Single(InterceptorRun.Calls(module)).Interceptor);
        Assert.Contains(module.GeneratedSources, s => InterceptorRun.IsInterceptorFile(s.HintName) && s.Text.Contains("sender is global::Orders.Mediator mediator", StringComparison.Ordinal));
        var reference = MetadataReference.CreateFromImage(moduleImage);

        var intercepted = InterceptorRun.For(intercept: true, new[] { reference }, Host);
        var unbound = InterceptorRun.For(intercept: false, new[] { reference }, Host);
        Assert.Empty(intercepted.GeneratorDiagnostics);
        Assert.Contains(intercepted.GeneratedSources, s => s.HintName == "Mediator.Modules.g.cs");
        Assert.All(InterceptorRun.Calls(intercepted), c => Assert.NotNull(c.Interceptor));
        var interceptors = Assert.Single(intercepted.GeneratedSources, s => InterceptorRun.IsInterceptorFile(s.HintName)).Text;
        Assert.Contains("request is global::Orders.PlaceOrder message", interceptors, StringComparison.Ordinal);
        Assert.Contains("publisher is global::TestApp.Mediator mediator", interceptors, StringComparison.Ordinal);

        var expected = await CompiledApp.RunAsync(unbound, moduleImage);
        var actual = await CompiledApp.RunAsync(intercepted, moduleImage);
        Assert.Equal("placed:1,placed:3,trace>,<trace,placed 2,trace>,<trace", expected);
        Assert.Equal(expected, actual);
    }
}
