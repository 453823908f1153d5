using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads <c>[assembly: UseMiddleware(typeof(X&lt;,&gt;), Order = n)]</c>: a <c>[Middleware]</c> class from a referenced
/// assembly, or an explicit one (<c>[Middleware(Explicit = true)]</c>) from this assembly, joins this assembly's
/// pipelines as if declared here without <c>Explicit</c>, with the order given here when there is one.
/// </summary>
/// <remarks>
/// Runs from the compilation on every edit, like <c>[assembly: PublishStrategy]</c>: reading a few assembly attributes
/// is cheap, and the result compares by value, so the steps after it stay cached unless an attribute really changed.
/// </remarks>
internal static class UseMiddlewareParser
{
    public static EquatableArray<MiddlewareDiscovery> Parse(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = new List<MiddlewareDiscovery>();
        var seen = new HashSet<string>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!KnownTypes.IsUseMiddlewareAttribute(attribute.AttributeClass) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax
                ? LocationInfo.From(syntax.GetLocation())
                : null;
            if (attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Type, Value: INamedTypeSymbol named } || BrokenTypes.Contains(named))
            {
                // typeof of something that does not resolve: the compiler reports it, and the generator then says nothing.
                found.Add(Failed(location) with { HasCompileErrors = BrokenTypes.IsBroken(attribute) });
                continue;
            }

            var type = named.OriginalDefinition;
            var middlewareAttributes = type.GetAttributes().Where(a => KnownTypes.IsMiddlewareAttribute(a.AttributeClass)).ToList();
            if (WhyNotUsable(type, middlewareAttributes.FirstOrDefault(), compilation) is { } reason)
            {
                // On the typeof argument, the part to change, as MED0026-MED0029 are for [UseMiddleware] on a handler.
                var argument = OrderingAttributeParser.ArgumentLocation(attribute, 0, location);
                found.Add(Failed(location, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidUseMiddleware, argument, type.ToDisplayString(), reason)));
                continue;
            }

            if (!seen.Add(OrderingAttributeParser.OpenName(type)))
            {
                continue;
            }

            var discovery = MiddlewareParser.Parse(type, System.Collections.Immutable.ImmutableArray.CreateRange(middlewareAttributes), compilation, cancellationToken);
            if (discovery.HasCompileErrors)
            {
                found.Add(discovery with { Location = location, PlacementLocation = location });
                continue;
            }

            // A class declared here reports its own problems on itself; a referenced one has no location but this line.
            var diagnostics = IsDeclaredIn(type, compilation)
                ? EquatableArray<DiagnosticInfo>.Empty
                : discovery.Diagnostics.Select(d => d with { Location = location }).ToEquatableArray();
            if (discovery.Middleware is not { } spec)
            {
                found.Add(Failed(location, diagnostics.ToArray()));
                continue;
            }

            var order = OrderingAttributeParser.Named(attribute, "Order") as int?;
            var placement = order is null ? location : OrderingAttributeParser.NamedLocation(attribute, "Order") ?? location;
            spec = spec with
            {
                Order = order ?? spec.Order,
                HasExplicitOrder = order is not null || spec.HasExplicitOrder,
                FromAssemblyAttribute = true,
                IsExplicit = false,
                Lifetime = LifetimeReader.Explicit(attribute) ?? spec.Lifetime,
            };
            found.Add(new MiddlewareDiscovery(location, spec, diagnostics, placement));
        }

        return found.ToEquatableArray();
    }

    private static string? WhyNotUsable(INamedTypeSymbol type, AttributeData? middlewareAttribute, Compilation compilation)
    {
        if (middlewareAttribute is null)
        {
            return "it is not marked [Middleware]";
        }

        return IsDeclaredIn(type, compilation) && !MiddlewareParser.IsExplicit(middlewareAttribute)
            ? "it is declared in this assembly, where [Middleware] already places it in every pipeline it matches; mark it [Middleware(Explicit = true)] to apply it only where [UseMiddleware] names it"
            : null;
    }

    public static bool IsDeclaredIn(INamedTypeSymbol type, Compilation compilation)
        => SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly);

    private static MiddlewareDiscovery Failed(LocationInfo? location, params DiagnosticInfo[] diagnostics)
        => new(location, null, diagnostics.ToEquatableArray(), location);
}
