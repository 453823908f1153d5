using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Answers whether generated code, which sits at namespace level in the same assembly, can name a type.</summary>
internal static class TypeAccessibility
{
    /// <summary>Null when generated code can name the type; otherwise why not, for the diagnostic.</summary>
    public static string? WhyInaccessible(ITypeSymbol type, Compilation compilation)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return WhyInaccessible(array.ElementType, compilation);
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    // A 'file' type is visible only in its own file, and the generated code lives in files of its own.
                    if (current.IsFileLocal)
                    {
                        return ReferenceEquals(current, named) ? "file-local" : $"nested in file-local type '{current.Name}'";
                    }

                    if (current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                    {
                        return ReferenceEquals(current, named)
                            ? $"{Describe(current.DeclaredAccessibility)}"
                            : $"nested in {Describe(current.DeclaredAccessibility)} type '{current.Name}'";
                    }
                }

                if (!compilation.IsSymbolAccessibleWithin(named.OriginalDefinition, compilation.Assembly))
                {
                    return "not visible from this assembly";
                }

                // The type arguments of the type and of its containers (Outer<Hidden>.Inner names Hidden too).
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    foreach (var argument in current.TypeArguments)
                    {
                        if (WhyInaccessible(argument, compilation) is { } reason)
                        {
                            return $"built on '{argument.Name}', which is {reason}";
                        }
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Public, in public containers, with public type arguments.</summary>
    public static bool IsEffectivelyPublic(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsEffectivelyPublic(array.ElementType);
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    if (current.DeclaredAccessibility != Accessibility.Public)
                    {
                        return false;
                    }

                    foreach (var argument in current.TypeArguments)
                    {
                        if (!IsEffectivelyPublic(argument))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case ITypeParameterSymbol:
                return false;
            default:
                return true;
        }
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
