using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>
/// Recognises types the compiler rejects, so that a declaration naming one is left out of the generated code instead of
/// being copied into it. The compiler reports each of them already (CS0246, CS1001, CS0306, CS9244...); written into
/// generated code, one such type becomes an error in every file that names it (a middleware constrained on a type that
/// does not resolve once put CS0311 in every pipeline of a project).
/// </summary>
internal static class BrokenTypes
{
    /// <summary>
    /// The type, or a type it is built from (type arguments, array elements, containing types), does not resolve or has
    /// no name: a declaration whose name a syntax error removed (<c>class : IRequest&lt;int&gt;</c>), or one in a
    /// namespace whose name is missing (which would be written <c>global::.Ping</c>).
    /// </summary>
    public static bool Contains(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return false;
            case IErrorTypeSymbol:
                return true;
            case IArrayTypeSymbol array:
                return Contains(array.ElementType);
            case IPointerTypeSymbol pointer:
                return Contains(pointer.PointedAtType);
            case ITypeParameterSymbol parameter:
                return parameter.Name.Length == 0;
            case INamedTypeSymbol named:
                if (IsNameless(named))
                {
                    return true;
                }

                // typeof(X<,>): Roslyn stands an error type in for each missing argument of an unbound generic type.
                if (named.IsUnboundGenericType)
                {
                    return Contains(named.OriginalDefinition.ContainingType);
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (Contains(argument))
                    {
                        return true;
                    }
                }

                return Contains(named.ContainingType);
            default:
                return false;
        }
    }

    /// <summary>
    /// What the compiler rejects as a type argument of the library's contracts (none of whose type parameters allows a
    /// ref struct): a broken type, a ref struct, a pointer.
    /// </summary>
    public static bool IsInvalidArgument(ITypeSymbol type)
        => Contains(type) || type.IsRefLikeType || type is IPointerTypeSymbol or IFunctionPointerTypeSymbol;

    /// <summary>
    /// A type argument of <paramref name="contract"/> fails a type constraint of the contract
    /// (<c>IRequestHandler&lt;Quote, Price&gt;</c> where <c>Quote</c> is not an <c>IRequest&lt;Price&gt;</c>, CS0311 on the
    /// user's base list): generated code that names the contract would fail the same way.
    /// </summary>
    /// <remarks>
    /// The library's contracts constrain one type parameter to an interface built from the others
    /// (<c>where TRequest : IRequest&lt;TResponse&gt;</c>); the constraint holds when an identity, implicit reference or
    /// boxing conversion exists, which also ignores tuple element names and nullable annotations, as the compiler does.
    /// </remarks>
    public static bool ViolatesConstraints(INamedTypeSymbol contract, Compilation compilation)
    {
        if (compilation is not Microsoft.CodeAnalysis.CSharp.CSharpCompilation csharp)
        {
            return false;
        }

        var definition = contract.OriginalDefinition;
        for (var i = 0; i < definition.TypeParameters.Length; i++)
        {
            foreach (var constraint in definition.TypeParameters[i].ConstraintTypes)
            {
                if (Substitute(constraint, definition, contract) is not { } required)
                {
                    continue;
                }

                var conversion = csharp.ClassifyConversion(contract.TypeArguments[i], required);
                if (!conversion.IsIdentity && !(conversion.IsImplicit && (conversion.IsReference || conversion.IsBoxing)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The constraint with the contract's own type parameters replaced by its type arguments; null for shapes the library does not use.</summary>
    private static ITypeSymbol? Substitute(ITypeSymbol constraint, INamedTypeSymbol definition, INamedTypeSymbol contract)
    {
        switch (constraint)
        {
            case ITypeParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, definition):
                return contract.TypeArguments[parameter.Ordinal];
            case INamedTypeSymbol { IsGenericType: true } named:
                var arguments = new ITypeSymbol[named.TypeArguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    if (Substitute(named.TypeArguments[i], definition, contract) is not { } argument)
                    {
                        return null;
                    }

                    arguments[i] = argument;
                }

                return named.OriginalDefinition.Construct(arguments);
            case INamedTypeSymbol named:
                return named;
            default:
                return null;
        }
    }

    /// <summary>The type, a type containing it or one of its namespaces has an empty name.</summary>
    public static bool IsNameless(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.Name.Length == 0)
            {
                return true;
            }

            if (current.ContainingType is null)
            {
                for (var ns = current.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
                {
                    if (ns.Name.Length == 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The declaration of <paramref name="type"/> names a type the compiler rejects where the generator reads it: an
    /// attribute class or argument, a base type or interface, a constraint of a type parameter. The generator then knows
    /// it may not see the program as its author meant it (a misspelt <c>[Handlr]</c> hides a handler).
    /// </summary>
    public static bool InDeclarationOf(INamedTypeSymbol type, Compilation compilation)
    {
        if (IsNameless(type) || Contains(type.BaseType))
        {
            return true;
        }

        foreach (var implemented in type.Interfaces)
        {
            if (Contains(implemented))
            {
                return true;
            }
        }

        foreach (var parameter in type.TypeParameters)
        {
            if (parameter.Name.Length == 0)
            {
                return true;
            }

            foreach (var constraint in parameter.ConstraintTypes)
            {
                if (Contains(constraint))
                {
                    return true;
                }
            }
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (IsBroken(attribute) || !IsAccessible(attribute, type, compilation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The attribute's constructor and the properties or fields it sets can be reached from <paramref name="within"/>
    /// (CS0122 where it is applied otherwise; from the generated code too, which rebuilds attributes with <c>new</c>).
    /// </summary>
    public static bool IsAccessible(AttributeData attribute, ISymbol within, Compilation compilation)
    {
        if (attribute.AttributeConstructor is { } constructor && !compilation.IsSymbolAccessibleWithin(constructor, within))
        {
            return false;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (NamedMember(attribute.AttributeClass, argument.Key) is { } member && !compilation.IsSymbolAccessibleWithin(member, within))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a named argument assigns: a property's setter, or a field; searched up the base classes.</summary>
    private static ISymbol? NamedMember(INamedTypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                switch (member)
                {
                    case IPropertySymbol { SetMethod: { } setter }:
                        return setter;
                    case IFieldSymbol field:
                        return field;
                }
            }
        }

        return null;
    }

    /// <summary>An attribute whose class does not resolve, whose constructor could not be chosen, or with an argument in error.</summary>
    public static bool IsBroken(AttributeData attribute)
    {
        if (attribute.AttributeClass is null or IErrorTypeSymbol || attribute.AttributeConstructor is null)
        {
            return true;
        }

        foreach (var argument in attribute.ConstructorArguments)
        {
            if (IsBroken(argument))
            {
                return true;
            }
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (IsBroken(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBroken(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Error || (constant.Kind == TypedConstantKind.Type && constant.Value is ITypeSymbol named && Contains(named)))
        {
            return true;
        }

        if (constant.Kind == TypedConstantKind.Array && !constant.IsNull)
        {
            foreach (var element in constant.Values)
            {
                if (IsBroken(element))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
