using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads <c>[UseMiddleware(typeof(X&lt;,&gt;), Order = n)]</c> on classes: on a <c>[Handler]</c> class each named
/// <c>[Middleware]</c> becomes a handler-level spec (innermost layer, the order given here when there is one); on any
/// other class the attribute is reported (MED0026). Whether a spec fits the handler's messages is planning's question.
/// </summary>
internal static class HandlerMiddlewareParser
{
    /// <summary>The middlewares a handler class names, and what is wrong with the attributes on their own.</summary>
    public static EquatableArray<HandlerMiddlewareUse> Parse(
        INamedTypeSymbol handler,
        string handlerName,
        Compilation compilation,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var uses = new List<HandlerMiddlewareUse>();
        foreach (var attribute in UseMiddlewareAttributes(handler))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = OrderingAttributeParser.ArgumentLocation(attribute, 0, LocationInfo.From(handler));
            if (attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol named } || BrokenTypes.Contains(named))
            {
                continue; // typeof of something that does not resolve, or null: the compiler reports it.
            }

            var type = named.OriginalDefinition;
            var middlewareAttributes = type.GetAttributes().Where(a => KnownTypes.IsMiddlewareAttribute(a.AttributeClass)).ToImmutableArray();
            if (middlewareAttributes.IsEmpty)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.HandlerMiddlewareDoesNotFit, location, handlerName, type.ToDisplayString(), "it is not marked [Middleware]"));
                continue;
            }

            var discovery = MiddlewareParser.Parse(type, middlewareAttributes, compilation, cancellationToken);
            if (discovery.HasCompileErrors)
            {
                continue; // the middleware names a type the compiler rejects; it reports that on the middleware.
            }

            if (!UseMiddlewareParser.IsDeclaredIn(type, compilation))
            {
                // A class declared here reports its own problems on itself; a referenced one has no location but this one.
                diagnostics.AddRange(discovery.Diagnostics.Select(d => d with { Location = location }));
            }

            if (discovery.Middleware is not { } spec)
            {
                continue;
            }

            if (uses.Any(u => u.Middleware.OpenName == spec.OpenName))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.HandlerMiddlewareRunsTwice,
                    location,
                    handlerName,
                    spec.DisplayName,
                    "through another [UseMiddleware] on the same class",
                    "remove one of them"));
                continue;
            }

            var order = OrderingAttributeParser.Named(attribute, "Order") as int?;
            spec = spec with
            {
                Level = MiddlewareLevel.Handler,
                Group = null,
                Order = order ?? spec.Order,
                HasExplicitOrder = order is not null || spec.HasExplicitOrder,
                FromAssemblyAttribute = false,
                Lifetime = LifetimeReader.Explicit(attribute) ?? spec.Lifetime,
            };
            var placement = order is null ? location : OrderingAttributeParser.NamedLocation(attribute, "Order") ?? location;
            uses.Add(new HandlerMiddlewareUse(spec, location, placement));
        }

        return uses.ToEquatableArray();
    }

    /// <summary>
    /// <c>[UseMiddleware]</c> on a class that is not a <c>[Handler]</c>: one MED0026 per attribute (a handler's own
    /// attributes are read by <see cref="Parse"/>).
    /// </summary>
    public static IEnumerable<DiagnosticInfo> ParseMisplaced(INamedTypeSymbol symbol)
    {
        if (symbol.GetAttributes().Any(a => KnownTypes.IsHandlerAttribute(a.AttributeClass)))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var name = symbol.ToDisplayString();
        return UseMiddlewareAttributes(symbol)
            .Select(a => DiagnosticInfo.Create(
                DiagnosticDescriptors.UseMiddlewareOnNonHandler,
                OrderingAttributeParser.ArgumentLocation(a, 0, LocationInfo.From(symbol)),
                name))
            .ToEquatableArray();
    }

    private static IEnumerable<AttributeData> UseMiddlewareAttributes(INamedTypeSymbol type)
        => type.GetAttributes().Where(a => KnownTypes.IsUseMiddlewareAttribute(a.AttributeClass) && a.ConstructorArguments.Length == 1);
}
