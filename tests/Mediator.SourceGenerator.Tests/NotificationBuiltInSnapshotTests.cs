using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Generated source for a notification whose handlers each get their own instance of the built-ins configured by an
/// attribute (timeout and circuit breaker: the Publish figure's shape), compared with a committed snapshot.
/// </summary>
public sealed class NotificationBuiltInSnapshotTests
{
    [Fact]
    public void Notification_with_per_handler_timeout_and_circuit_breaker()
    {
        var run = GeneratorRun.For(new[] { """
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Mediator.Resilience;

            [assembly: UseMiddleware(typeof(TimeoutMiddleware<,>))]
            [assembly: UseMiddleware(typeof(CircuitBreakerMiddleware<,>))]

            namespace App;

            // On the type: every handler gets its own deadline and its own breaker.
            [Timeout(Milliseconds = 500), CircuitBreaker(FailureThreshold = 3)]
            public sealed record Priced(int Id) : INotification;

            [Handler]
            public sealed class Audit : INotificationHandler<Priced>
            {
                public ValueTask Handle(Priced notification, CancellationToken cancellationToken) => default;
            }

            // On the class: this handler's breaker is configured by its own attribute, which wins over the type's.
            [Handler]
            [CircuitBreaker(FailureThreshold = 1, BreakDurationSeconds = 5)]
            public sealed class Quote : INotificationHandler<Priced>
            {
                public ValueTask Handle(Priced notification, CancellationToken cancellationToken) => default;
            }

            // Nothing on the type: only the handler whose class asks gets the layer.
            public sealed record Shipped(int Id) : INotification;

            [Handler]
            [Timeout(Milliseconds = 250)]
            public sealed class Tracker : INotificationHandler<Shipped>
            {
                public ValueTask Handle(Shipped notification, CancellationToken cancellationToken) => default;
            }

            [Handler]
            public sealed class Mailer : INotificationHandler<Shipped>
            {
                public ValueTask Handle(Shipped notification, CancellationToken cancellationToken) => default;
            }
            """ }, RuntimeReferences);

        SnapshotTests.AssertClean(run);
        Snapshot.Verify(nameof(Notification_with_per_handler_timeout_and_circuit_breaker), run);
    }

    /// <summary>Mediator.Runtime, where the built-ins are, as a user project references it.</summary>
    private static readonly MetadataReference[] RuntimeReferences =
    {
        MetadataReference.CreateFromFile(typeof(Mediator.Resilience.TimeoutMiddleware<,>).Assembly.Location),
    };
}
