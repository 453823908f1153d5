using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// <c>AddMediator()</c> registers the generated mediator under every interface it implements: <c>IMediator</c>,
/// <c>ISender</c> and <c>IPublisher</c>. Before, <c>IPublisher</c> was missing and a class that injects it failed to start.
/// </summary>
public sealed class PublisherRegistrationTests
{
    [Fact]
    public async Task A_class_that_injects_IPublisher_resolves_and_publishes()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            using Microsoft.Extensions.DependencyInjection;
            namespace App
            {
                public sealed class OrderPlaced : INotification { public int Id { get; init; } }

                [Handler]
                public sealed class Audit : INotificationHandler<OrderPlaced>
                {
                    public static int Seen;
                    public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) { Seen += notification.Id; return default; }
                }

                public sealed class Checkout(IPublisher publisher)
                {
                    public ValueTask Place(int id) => publisher.Publish(new OrderPlaced { Id = id });
                }

                public sealed class Gateway(ISender sender, IMediator mediator)
                {
                    public bool Both => sender is not null && mediator is not null;
                }

                public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        services.AddTransient<Checkout>();
                        services.AddTransient<Gateway>();
                        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
                        await provider.GetRequiredService<Checkout>().Place(7);
                        var publisher = provider.GetRequiredService<IPublisher>();
                        return Audit.Seen + " " + (publisher is TestApp.Mediator) + " " + provider.GetRequiredService<Gateway>().Both;
                    }
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Equal("7 True True", await CompiledApp.RunAsync(run));
    }
}
