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
    /// class, so generated code can call it directly and overload resolution is sure to pick that member. Explicit (or
    /// missing) implementations are called through the interface, which compiles in every case.
    /// </summary>
    /// <remarks>
    /// Generated code passes arguments whose static types are exactly the contract's parameter types, so among the
    /// methods of the implementing class the implementation is an identity match and wins. It would not win if a more
    /// derived class declared any member of the same name: C# then considers only that class's methods (a
    /// <c>new</c> method, a generic <c>Handle&lt;T&gt;</c>, a <c>Handle(object, ...)</c>), so such handlers are
    /// called through the interface.
    /// </remarks>
    public static bool ImplementsImplicitly(INamedTypeSymbol type, INamedTypeSymbol contract, string memberName)
    {
        var member = contract.GetMembers(memberName).FirstOrDefault();
        return member is not null
            && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
            && implementation.ExplicitInterfaceImplementations.IsEmpty
            && implementation.DeclaredAccessibility == Accessibility.Public
            && !IsHiddenBelow(type, implementation, memberName);
    }

    /// <summary>A class between <paramref name="type"/> and the implementation's declaring class declares a member of the same name.</summary>
    private static bool IsHiddenBelow(INamedTypeSymbol type, IMethodSymbol implementation, string memberName)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, implementation.ContainingType.OriginalDefinition))
            {
                return false;
            }

            if (!current.GetMembers(memberName).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }
}
