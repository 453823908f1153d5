using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads the project's RabbitMQ route table from its assembly attributes: <c>[assembly: RabbitMqRoute(...)]</c> and the
/// JSON contexts named by <c>[assembly: RabbitMqJsonContext(typeof(AppJson))]</c>, whose <c>[JsonSerializable]</c>
/// attributes say which types they cover. The contexts may live in a referenced contracts project.
/// </summary>
internal static class RouteParser
{
    public const string RouteAttribute = "Mediator.RabbitMQ.RabbitMqRouteAttribute";
    public const string JsonContextAttribute = "Mediator.RabbitMQ.RabbitMqJsonContextAttribute";
    private const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    public static RouteTable Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var routeAttribute = compilation.GetTypeByMetadataName(RouteAttribute);
        if (routeAttribute is null)
        {
            return RouteTable.None;
        }

        var contextAttribute = compilation.GetTypeByMetadataName(JsonContextAttribute);
        var serializable = compilation.GetTypeByMetadataName(JsonSerializableAttribute);
        var attributes = compilation.Assembly.GetAttributes();

        // Which type each named context covers; the first context named wins for a type two of them cover.
        var covered = new Dictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);
        var contexts = new List<string>();
        foreach (var attribute in attributes)
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, contextAttribute)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol context)
            {
                continue;
            }

            contexts.Add(context.ToDisplayString());
            foreach (var entry in context.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(entry.AttributeClass, serializable)
                    && entry.ConstructorArguments.Length >= 1
                    && entry.ConstructorArguments[0].Value is ITypeSymbol type
                    && !covered.ContainsKey(type))
                {
                    covered.Add(type, context.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
                }
            }
        }

        var routes = new List<RouteSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var attribute in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, routeAttribute)
                || attribute.ConstructorArguments.Length != 3
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol routed
                || attribute.ConstructorArguments[1].Value is not string exchange
                || attribute.ConstructorArguments[2].Value is not string routingKey)
            {
                continue;
            }

            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
            if (!routed.AllInterfaces.Any(KnownTypes.IsNotification))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RoutedTypeIsNotANotification, location, routed.ToDisplayString()));
                continue;
            }

            if (!covered.TryGetValue(routed, out var jsonContext))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.RoutedTypeNotInJsonContext,
                    location,
                    routed.ToDisplayString(),
                    contexts.Count == 0 ? "no context is named by [assembly: RabbitMqJsonContext(...)]" : "the contexts named (" + string.Join(", ", contexts) + ") do not list it"));
                continue;
            }

            string? name = null;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Name" && named.Value.Value is string text)
                {
                    name = text;
                }
            }

            routes.Add(new RouteSpec(routed.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), exchange, routingKey, name, jsonContext));
        }

        return new RouteTable(true, routes.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
