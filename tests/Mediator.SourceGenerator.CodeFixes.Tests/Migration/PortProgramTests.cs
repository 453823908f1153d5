namespace Mediator.SourceGenerator.CodeFixes.Tests.Migration;

/// <summary>MED0060's fix on the code around the handlers: usings, registrations, callers; and fix-all over a solution.</summary>
public sealed class PortProgramTests
{
    private readonly MigrationRun _run = new();

    [Fact]
    public async Task Registrations_become_one_AddMediator_and_kept_tasks_get_AsTask()
    {
        var ported = await _run.PortFileAsync("""
            using System.Threading.Tasks;
            using MediatR;
            using MediatR.Pipeline;
            using Microsoft.Extensions.DependencyInjection;

            namespace App;

            public sealed class Ping : IRequest<string> { }

            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddSingleton<ServiceFactory>(provider => provider.GetService!);
                    services.AddSingleton<IMediator, MediatR.Mediator>();
                    services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestPreProcessorBehavior<,>));
                    services.AddTransient<IClock, Clock>();
                }

                public static async Task<string> Twice(IMediator mediator)
                {
                    Task<string> first = mediator.Send(new Ping());
                    var second = await mediator.Send(new Ping()).ConfigureAwait(false);
                    return await first + second;
                }

                public static Task<string> Forward(IMediator mediator) => mediator.Send(new Ping());
            }

            public interface IClock { }
            public sealed class Clock : IClock { }
            """, MediatRStubs.V5);

        Assert.Equal("""
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;

            namespace App;

            public sealed class Ping : IRequest<string> { }

            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddMediator();
                    services.AddTransient<IClock, Clock>();
                }

                public static async Task<string> Twice(IMediator mediator)
                {
                    Task<string> first = mediator.Send(new Ping()).AsTask();
                    var second = await mediator.Send(new Ping()).ConfigureAwait(false);
                    return await first + second;
                }

                public static Task<string> Forward(IMediator mediator) => mediator.Send(new Ping()).AsTask();
            }

            public interface IClock { }
            public sealed class Clock : IClock { }
            """, ported);
    }

    [Fact]
    public async Task MediatR12_AddMediatR_keeps_its_receiver()
    {
        var ported = await _run.PortFileAsync("""
            using MediatR;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Builder { public IServiceCollection Services { get; } = null!; }

            public static class Program
            {
                public static void Main(Builder builder)
                {
                    builder.Services.AddMediatR(configuration => { });
                    System.Console.WriteLine("configured");
                }
            }
            """, MediatRStubs.V12);

        Assert.Equal("""
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;

            public sealed class Builder { public IServiceCollection Services { get; } = null!; }

            public static class Program
            {
                public static void Main(Builder builder)
                {
                    builder.Services.AddMediator();
                    System.Console.WriteLine("configured");
                }
            }
            """, ported);
    }

    /// <summary>MediatR runs behaviours in registration order; the port writes it down as Order, whatever the class names.</summary>
    [Fact]
    public async Task Behaviours_keep_their_registration_order()
    {
        var ported = await _run.PortAsync(
            new[]
            {
                new[]
                {
                    """
                    using System;
                    using MediatR;
                    using Microsoft.Extensions.DependencyInjection;
                    namespace Shop;
                    public static class Services
                    {
                        public static void Add(IServiceCollection services)
                        {
                            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(Zebra<,>));
                            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(Aardvark<,>));
                        }
                    }
                    """,
                    """
                    using System.Threading;
                    using System.Threading.Tasks;
                    using MediatR;
                    namespace Shop;
                    public sealed class Aardvark<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
                    {
                        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => next();
                    }
                    public sealed class Zebra<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
                    {
                        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => next();
                    }
                    """,
                },
            },
            MediatRStubs.V5);

        Assert.Contains("[Middleware(Order = 20)]\npublic sealed class Aardvark", ported[0][1]);
        Assert.Contains("[Middleware(Order = 10)]\npublic sealed class Zebra", ported[0][1]);
    }

    /// <summary>The whole solution in one fix-all, as dotnet format runs it: two projects, several files each; after the swap all compile.</summary>
    [Fact]
    public async Task Fix_all_ports_every_file_of_every_project()
    {
        var ported = await _run.PortAsync(
            new[]
            {
                new[]
                {
                    """
                    using MediatR;
                    namespace Shop;
                    public sealed record PlaceOrder(string Product) : IRequest<int>;
                    public sealed record OrderPlaced(int Id) : INotification;
                    """,
                    """
                    using System.Threading;
                    using System.Threading.Tasks;
                    using MediatR;
                    namespace Shop;
                    public sealed class PlaceOrderHandler : IRequestHandler<PlaceOrder, int>
                    {
                        private readonly IMediator _mediator;
                        public PlaceOrderHandler(IMediator mediator) => _mediator = mediator;
                        public async Task<int> Handle(PlaceOrder request, CancellationToken cancellationToken)
                        {
                            await _mediator.Publish(new OrderPlaced(1), cancellationToken);
                            return 1;
                        }
                    }
                    public sealed class Timing<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
                    {
                        public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => next();
                    }
                    """,
                },
                new[]
                {
                    """
                    using System.Threading;
                    using System.Threading.Tasks;
                    using MediatR;
                    namespace Shop.Mail;
                    public sealed record Sent(string To) : INotification;
                    public sealed class SentHandler : INotificationHandler<Sent>
                    {
                        public Task Handle(Sent notification, CancellationToken cancellationToken) => Task.CompletedTask;
                    }
                    """,
                },
            },
            MediatRStubs.V5);

        Assert.All(ported.SelectMany(p => p), text => Assert.DoesNotContain("MediatR", text));
        // A handler with constructor dependencies keeps MediatR's transient lifetime; one without takes the singleton default.
        Assert.Contains("[Handler(Lifetime = ComponentLifetime.Transient)]\npublic sealed class PlaceOrderHandler", ported[0][1]);
        Assert.Contains("[Middleware]\npublic sealed class Timing", ported[0][1]);
        Assert.Contains("[Handler]", ported[1][0]);
    }
}
