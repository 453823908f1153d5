using System.Threading;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Which notification types leave the process: those named by <c>[assembly: RabbitMqRoute(typeof(T), ...)]</c> in a
/// project that references CompiledMediator.RabbitMQ. Each gets a pipeline even when no handler of it is compiled here
/// (the producer's usual case), and its fan-out is the transport's strategy, <c>RabbitMqForwarding</c>: after the
/// publish-side middleware it sends the notification to the broker, or, for a message this process took from a queue,
/// delivers it to the handlers here. The mediator's <c>Publish</c> is then the one way to publish, routed or not.
/// </summary>
/// <remarks>
/// Read from the compilation like <c>[assembly: UseMiddleware]</c>: a few assembly attributes, compared by value, so an
/// edit that leaves them alone leaves the steps after it cached. Routes in error (MED0080, MED0081) are reported by the
/// route generator; a type that is not a notification is left out here.
/// </remarks>
internal static class RoutedNotificationReader
{
    /// <summary>The transport's strategy class, in CompiledMediator.RabbitMQ.</summary>
    public const string ForwardingStrategy = "Mediator.RabbitMQ.RabbitMqForwarding";

    public static EquatableArray<MessageTypeSpec> Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var routeAttribute = compilation.GetTypeByMetadataName(RouteParser.RouteAttribute);
        if (routeAttribute is null || compilation.GetTypeByMetadataName(ForwardingStrategy) is null)
        {
            return EquatableArray<MessageTypeSpec>.Empty;
        }

        var strategy = new PublishStrategyChoice(PublishStrategyKind.Custom, "global::" + ForwardingStrategy, IsImplicit: true);
        var routed = new List<MessageTypeSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, routeAttribute)
                || attribute.ConstructorArguments.Length != 3
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol type
                || type.IsAbstract
                || !type.AllInterfaces.Any(KnownTypes.IsNotification)
                || TypeAccessibility.WhyInaccessible(type, compilation) is not null)
            {
                continue;
            }

            if (MessageTypeSpecFactory.Create(type) is { } spec && seen.Add(spec.Type.Erased.Display))
            {
                // The transport's strategy replaces any [PublishStrategy] of the type's own: the handlers run where the
                // message is consumed (docs/rabbitmq.md), one after the other.
                routed.Add(spec with { DeclaredStrategy = strategy, IsRouted = true });
            }
        }

        return routed.OrderBy(s => s.Type.Erased.Display, StringComparer.Ordinal).ToEquatableArray();
    }
}
