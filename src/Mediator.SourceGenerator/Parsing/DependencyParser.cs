using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads what a handler or middleware takes from the container: the parameters of its public constructor with the most
/// parameters (the one the container picks when it can fill them all), leaving out the attribute a configured middleware
/// is given by generated code. Positions are returned beside the specs, never in them.
/// </summary>
internal static class DependencyParser
{
    /// <summary>The dependencies of <paramref name="symbol"/>, and where each parameter is declared (parallel lists; no positions for a class from another assembly).</summary>
    public static (EquatableArray<DependencySpec> Dependencies, EquatableArray<LocationInfo> Locations) Parse(INamedTypeSymbol symbol)
    {
        var constructor = symbol.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null || constructor.Parameters.Length == 0)
        {
            return (EquatableArray<DependencySpec>.Empty, EquatableArray<LocationInfo>.Empty);
        }

        var dependencies = new List<DependencySpec>();
        var locations = new List<LocationInfo>();
        foreach (var parameter in constructor.Parameters.Where(p => !KnownTypes.IsAttributeClass(p.Type)))
        {
            var named = parameter.Type as INamedTypeSymbol;
            dependencies.Add(new DependencySpec(
                parameter.Name,
                DiagnosticText.Name(parameter.Type),
                named is null || named.TypeKind == TypeKind.Error ? null : Key(named),
                named is not null && DerivesFromDbContext(named) ? ConventionalLifetime.DbContext : ConventionalLifetime.None));
            if (LocationInfo.From(parameter) is { } location)
            {
                locations.Add(location);
            }
        }

        // A class from another assembly has no positions: none rather than some, so that they stay parallel.
        return (dependencies.ToEquatableArray(), locations.Count == dependencies.Count ? locations.ToEquatableArray() : EquatableArray<LocationInfo>.Empty);
    }

    /// <summary>A class as handlers and middleware are keyed: its <c>global::</c> name and arity.</summary>
    public static string Key(INamedTypeSymbol type)
        => TypeRefFactory.QualifiedName(type.OriginalDefinition) + "`" + type.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Microsoft.EntityFrameworkCore.DbContext, by name, in the type's base chain (itself included).</summary>
    private static bool DerivesFromDbContext(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "DbContext", Arity: 0, ContainingType: null }
                && current.ContainingNamespace is { Name: "EntityFrameworkCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }
}
