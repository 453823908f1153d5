using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Questions about symbols that handler, middleware and request parsing all ask.</summary>
internal static class SymbolFacts
{
    /// <summary>The type, or a type it is nested in, has type parameters.</summary>
    public static bool IsOrIsNestedInGenericType(INamedTypeSymbol type)
        => GenericContainerOrSelf(type) is not null;

    /// <summary>The first of the type and its containers that has type parameters, or null.</summary>
    public static INamedTypeSymbol? GenericContainerOrSelf(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.Arity > 0)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="memberName"/> of <paramref name="contract"/> is implemented by a public member of the
    /// class, so generated code can call it directly. Explicit (or missing) implementations are called through the
    /// interface, which compiles in every case.
    /// </summary>
    public static bool ImplementsImplicitly(INamedTypeSymbol type, INamedTypeSymbol contract, string memberName)
    {
        var member = contract.GetMembers(memberName).FirstOrDefault();
        return member is not null
            && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
            && implementation.ExplicitInterfaceImplementations.IsEmpty
            && implementation.DeclaredAccessibility == Accessibility.Public;
    }
}
