using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

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
        if (member is IMethodSymbol method && DeclaresPlainImplementation(type, contract, method))
        {
            return true;
        }

        return ImplementsImplicitlySlow(type, member, memberName);
    }

    /// <summary>The same question answered by Roslyn's interface mapping: builds and checks every member of the type.</summary>
    /// <remarks>
    /// A generic implementation must also repeat the contract method's constraints (<c>where TNext : struct,
    /// INext&lt;TRequest, TResponse&gt;</c>): Roslyn maps a method whose constraints differ, or do not resolve (CS0425 on the
    /// user's method), and a direct call to it would then fail in generated code. Through the interface it compiles.
    /// </remarks>
    internal static bool ImplementsImplicitlySlow(INamedTypeSymbol type, ISymbol? member, string memberName)
    {
        return member is not null
            && type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
            && implementation.ExplicitInterfaceImplementations.IsEmpty
            && implementation.DeclaredAccessibility == Accessibility.Public
            && SameConstraints(implementation, (IMethodSymbol)member)
            && !HasTwin(implementation)
            && !IsHiddenBelow(type, implementation, memberName);
    }

    /// <summary>
    /// Another method of the implementation's class has the same name and parameters (CS0111, which the compiler reports
    /// on the user's class, typically after a lost brace merged two classes): a direct call would be ambiguous (CS0121 in
    /// generated code), a call through the interface is not.
    /// </summary>
    private static bool HasTwin(IMethodSymbol implementation)
    {
        foreach (var other in implementation.ContainingType.GetMembers(implementation.Name))
        {
            if (other is IMethodSymbol method
                && !SymbolEqualityComparer.Default.Equals(method, implementation)
                && method.Arity == implementation.Arity
                && method.Parameters.Length == implementation.Parameters.Length
                && method.Parameters.Zip(implementation.Parameters, (a, b) => a.RefKind == b.RefKind && SameSignatureType(a.Type, b.Type)).All(same => same))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types equal as C# compares signatures: a method's type parameters by position, whatever their names.</summary>
    private static bool SameSignatureType(ITypeSymbol left, ITypeSymbol right) => (left, right) switch
    {
        (ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } a, ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } b) => a.Ordinal == b.Ordinal,
        (IArrayTypeSymbol a, IArrayTypeSymbol b) => a.Rank == b.Rank && SameSignatureType(a.ElementType, b.ElementType),
        (INamedTypeSymbol { IsGenericType: true } a, INamedTypeSymbol { IsGenericType: true } b)
            => SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition)
                && a.TypeArguments.Zip(b.TypeArguments, SameSignatureType).All(same => same),
        _ => SymbolEqualityComparer.Default.Equals(left, right),
    };

    /// <summary>Each type parameter of the two methods has the same special constraints and the same constraint types.</summary>
    private static bool SameConstraints(IMethodSymbol implementation, IMethodSymbol contractMethod)
    {
        if (implementation.Arity != contractMethod.Arity)
        {
            return false;
        }

        for (var i = 0; i < implementation.Arity; i++)
        {
            var mine = implementation.TypeParameters[i];
            var theirs = contractMethod.TypeParameters[i];
            if (mine.HasValueTypeConstraint != theirs.HasValueTypeConstraint
                || mine.HasReferenceTypeConstraint != theirs.HasReferenceTypeConstraint
                || mine.HasUnmanagedTypeConstraint != theirs.HasUnmanagedTypeConstraint
                || mine.HasConstructorConstraint != theirs.HasConstructorConstraint
                || mine.ConstraintTypes.Length != theirs.ConstraintTypes.Length)
            {
                return false;
            }

            for (var c = 0; c < mine.ConstraintTypes.Length; c++)
            {
                if (BrokenTypes.Contains(mine.ConstraintTypes[c]) || !SymbolEqualityComparer.Default.Equals(mine.ConstraintTypes[c], theirs.ConstraintTypes[c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The common case, recognised without Roslyn's interface mapping: a class from source that lists the contract in its
    /// own base list, declares no explicit interface implementation at all (checked on its syntax), and declares exactly
    /// one member of that name, a public instance method whose parameters and return type are the contract method's.
    /// Interface mapping then picks that method (explicit implementations first: there are none; then the most derived
    /// class's public members). Anything else is left to <see cref="ImplementsImplicitlySlow"/>.
    /// </summary>
    private static bool DeclaresPlainImplementation(INamedTypeSymbol type, INamedTypeSymbol contract, IMethodSymbol contractMethod)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty
            || !type.Interfaces.Contains(contract, SymbolEqualityComparer.Default)
            || type.GetMembers(contractMethod.Name) is not { Length: 1 } named
            || named[0] is not IMethodSymbol candidate
            || candidate is not { IsStatic: false, DeclaredAccessibility: Accessibility.Public, Arity: 0, MethodKind: MethodKind.Ordinary }
            || candidate.Parameters.Length != contractMethod.Parameters.Length
            || !SameType(candidate.ReturnType, contractMethod.ReturnType)
            || candidate.RefKind != contractMethod.RefKind)
        {
            return false;
        }

        for (var i = 0; i < candidate.Parameters.Length; i++)
        {
            if (candidate.Parameters[i].RefKind != contractMethod.Parameters[i].RefKind
                || !SameType(candidate.Parameters[i].Type, contractMethod.Parameters[i].Type))
            {
                return false;
            }
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration)
            {
                return false;
            }

            foreach (var declared in declaration.Members)
            {
                if (declared is Microsoft.CodeAnalysis.CSharp.Syntax.BasePropertyDeclarationSyntax { ExplicitInterfaceSpecifier: not null }
                    or Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { ExplicitInterfaceSpecifier: not null }
                    or Microsoft.CodeAnalysis.CSharp.Syntax.EventDeclarationSyntax { ExplicitInterfaceSpecifier: not null })
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Identical types, tuples excluded (their element names would need Roslyn's own rules).</summary>
    private static bool SameType(ITypeSymbol left, ITypeSymbol right)
        => SymbolEqualityComparer.Default.Equals(left, right) && !ContainsTuple(left);

    private static bool ContainsTuple(ITypeSymbol type) => type switch
    {
        INamedTypeSymbol named => named.IsTupleType || named.TypeArguments.Any(ContainsTuple),
        IArrayTypeSymbol array => ContainsTuple(array.ElementType),
        _ => false,
    };

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
