using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// The attributes on a message type and its base classes, nearest first, that a per-message middleware could take:
/// user attribute classes only (not the compiler's or the framework's), each rebuilt as a constant expression.
/// </summary>
internal static class MessageAttributesFactory
{
    public static EquatableArray<MessageAttributeSpec> Create(ITypeSymbol type)
    {
        var found = new List<MessageAttributeSpec>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is not { } attributeClass || IsFrameworkAttribute(attributeClass))
                {
                    continue;
                }

                // Arguments in error are the compiler's to report: the message then simply does not carry the attribute.
                if (BrokenTypes.IsBroken(attribute) || !IsReachable(attribute) || AttributeLiteral.Construction(attribute) is not { } construction)
                {
                    continue;
                }

                var types = new List<string>();
                for (var t = attributeClass; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
                {
                    // The same text planning looks up a constructor parameter's attribute type by.
                    if (TypeRefFactory.TryCreate(t, out var typeRef))
                    {
                        types.Add(typeRef.Erased.Display);
                    }
                }

                found.Add(new MessageAttributeSpec(types.ToEquatableArray(), construction));
            }
        }

        return found.ToEquatableArray();
    }

    /// <summary>
    /// Whether generated code, at namespace level in this assembly, can call the constructor and the setters the
    /// attribute uses: not when one is private or protected (then the attribute could only be applied inside its own
    /// class, or the user's code has CS0122 where it applies it). An internal one of another assembly is reachable
    /// exactly when the user's own application of it compiles (InternalsVisibleTo).
    /// </summary>
    private static bool IsReachable(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is { } constructor && IsHidden(constructor))
        {
            return false;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            foreach (var member in attribute.AttributeClass!.GetMembers(argument.Key))
            {
                if (member is IPropertySymbol { SetMethod: { } setter } ? IsHidden(setter) : member is IFieldSymbol field && IsHidden(field))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsHidden(ISymbol member)
        => member.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal;

    /// <summary>The compiler's and the framework's attributes (System.*, Microsoft.*) never configure a middleware; skipping them keeps specs small.</summary>
    private static bool IsFrameworkAttribute(INamedTypeSymbol attribute)
    {
        var root = attribute.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root is { Name: "System" or "Microsoft" };
    }
}
