using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads what a middleware class says about its place: the concern it provides and its <c>[RunsBefore]</c>,
/// <c>[RunsAfter]</c>, <c>[MustRunInside]</c> and <c>[MustRunOutside]</c> attributes. Works for classes in source and
/// in referenced assemblies alike (the latter have no locations, and their authors saw these diagnostics already).
/// </summary>
internal static class OrderingAttributeParser
{
    /// <summary>
    /// The open <c>global::</c> name a middleware spec and an ordering target share: the printer's qualified name, which
    /// is also the text generated code closes the middleware from (<see cref="Model.MiddlewareSpec.OpenName"/>).
    /// </summary>
    public static string OpenName(INamedTypeSymbol type) => TypeRefFactory.QualifiedName(type.OriginalDefinition);

    public static EquatableArray<OrderingConstraint> ReadConstraints(INamedTypeSymbol symbol, string name, List<DiagnosticInfo> diagnostics)
    {
        var constraints = new List<OrderingConstraint>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (KnownTypes.OrderingAttributeKind(attribute.AttributeClass) is not { } kind || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var argument = attribute.ConstructorArguments[0];
            var location = ArgumentLocation(attribute, 0, null);
            string? targetType = null;
            string? targetConcern = null;
            if (argument.Kind == TypedConstantKind.Type)
            {
                if (argument.Value is not INamedTypeSymbol target || BrokenTypes.Contains(target))
                {
                    continue; // typeof of something that does not resolve: the compiler reports it.
                }

                if (!target.OriginalDefinition.GetAttributes().Any(a => KnownTypes.IsMiddlewareAttribute(a.AttributeClass)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrderingTargetNotMiddleware, location, name, AttributeName(kind), target.ToDisplayString()));
                    continue;
                }

                targetType = OpenName(target);
            }
            else if (argument.Kind == TypedConstantKind.Primitive)
            {
                targetConcern = argument.Value as string;
                if (!IsValidConcern(targetConcern))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConcernName, location, name, "[" + AttributeName(kind) + "]"));
                    continue;
                }
            }
            else
            {
                continue;
            }

            constraints.Add(new OrderingConstraint(
                kind,
                targetType,
                targetConcern,
                Named(attribute, "Severity") is int severity && severity == 1,
                Named(attribute, "Reason") as string,
                Named(attribute, "RuleId") as string));
        }

        // Attribute order is source order; sort so that moving attributes around leaves the spec equal.
        return constraints
            .OrderBy(c => (int)c.Kind)
            .ThenBy(c => c.TargetType ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(c => c.TargetConcern ?? string.Empty, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary><c>[Middleware(Concern = ...)]</c>, or null; an empty name is reported and ignored.</summary>
    public static string? ReadConcern(AttributeData? middlewareAttribute, string name, List<DiagnosticInfo> diagnostics)
    {
        if (middlewareAttribute is null || Named(middlewareAttribute, "Concern") is not string concern)
        {
            return null;
        }

        if (!IsValidConcern(concern))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidConcernName, NamedLocation(middlewareAttribute, "Concern"), name, "[Middleware(Concern = ...)]"));
            return null;
        }

        return concern;
    }

    public static bool IsValidConcern(string? concern) => !string.IsNullOrWhiteSpace(concern) && concern!.Trim() == concern;

    public static object? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Kind == TypedConstantKind.Error ? null : argument.Value.Value;
            }
        }

        return null;
    }

    public static bool HasNamed(AttributeData attribute, string name) => attribute.NamedArguments.Any(a => a.Key == name);

    /// <summary>Where a named argument (<c>Order = 5</c>) is written, else the whole attribute; null in metadata.</summary>
    public static LocationInfo? NamedLocation(AttributeData attribute, string name)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return null;
        }

        var argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return LocationInfo.From((argument ?? (Microsoft.CodeAnalysis.SyntaxNode)syntax).GetLocation());
    }

    /// <summary>Where the <paramref name="index"/>th positional argument is written, else the attribute.</summary>
    public static LocationInfo? ArgumentLocation(AttributeData attribute, int index, LocationInfo? fallback)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return fallback;
        }

        var positional = syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
        return LocationInfo.From(positional is not null && positional.Count > index ? positional[index].GetLocation() : syntax.GetLocation());
    }

    private static string AttributeName(ConstraintKind kind) => kind switch
    {
        ConstraintKind.RunsBefore => "RunsBefore",
        ConstraintKind.RunsAfter => "RunsAfter",
        ConstraintKind.MustRunInside => "MustRunInside",
        _ => "MustRunOutside",
    };
}
