using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// The concerns a message asks for: an attribute on the message (or a base class) whose class carries
/// <c>[RequiresConcern]</c>, or an interface it implements that carries it.
/// </summary>
internal static class ConcernRequirementParser
{
    public static EquatableArray<ConcernRequirement> Parse(INamedTypeSymbol message, LocationInfo? messageLocation)
    {
        var found = new List<ConcernRequirement>();
        for (var current = message; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeClass)
                {
                    continue;
                }

                // On the message itself the attribute usage is what to change; on a base class, the message is.
                var location = SymbolEqualityComparer.Default.Equals(current, message) && attribute.ApplicationSyntaxReference is { } reference
                    ? LocationInfo.From(reference.GetSyntax().GetLocation())
                    : messageLocation;
                AddRequirements(attributeClass, "[" + ShortAttributeName(attributeClass) + "]", location, found);
            }
        }

        foreach (var contract in message.AllInterfaces)
        {
            AddRequirements(contract, contract.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), messageLocation, found);
        }

        return found.ToEquatableArray();
    }

    /// <summary>
    /// The concerns a notification handler class asks for through its own attributes (<c>[Transactional]</c> on the
    /// class): that handler's chain must provide them. Interfaces are not read: a handler class implements handler
    /// contracts, not message ones.
    /// </summary>
    public static EquatableArray<ConcernRequirement> ParseAttributes(INamedTypeSymbol handler, LocationInfo? handlerLocation)
    {
        var found = new List<ConcernRequirement>();
        foreach (var attribute in handler.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass)
            {
                var location = attribute.ApplicationSyntaxReference is { } reference ? LocationInfo.From(reference.GetSyntax().GetLocation()) : handlerLocation;
                AddRequirements(attributeClass, "[" + ShortAttributeName(attributeClass) + "]", location, found);
            }
        }

        return found.ToEquatableArray();
    }

    private static void AddRequirements(INamedTypeSymbol asker, string askedBy, LocationInfo? location, List<ConcernRequirement> into)
    {
        foreach (var requirement in asker.GetAttributes().Where(a => KnownTypes.IsRequiresConcernAttribute(a.AttributeClass)))
        {
            if (requirement.ConstructorArguments.Length == 1
                && requirement.ConstructorArguments[0].Value is string concern
                && OrderingAttributeParser.IsValidConcern(concern)
                && !into.Any(r => r.Concern == concern && r.AskedBy == askedBy))
            {
                var isError = OrderingAttributeParser.Named(requirement, "Severity") is int severity && severity == 1;
                into.Add(new ConcernRequirement(concern, isError, askedBy, location));
            }
        }
    }

    private static string ShortAttributeName(INamedTypeSymbol attribute)
        => attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal) && attribute.Name.Length > "Attribute".Length
            ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length)
            : attribute.Name;
}
