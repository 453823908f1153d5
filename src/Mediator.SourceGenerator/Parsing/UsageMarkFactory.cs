using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads <c>[Obsolete]</c> and <c>[Experimental]</c> where C# would report them when generated code writes a type: on
/// the type, on the types it is nested in, and on its type arguments (and array elements), at any depth.
/// </summary>
internal static class UsageMarkFactory
{
    /// <summary>The marks C# reports when <paramref name="type"/> is written in full, as generated code writes it.</summary>
    public static EquatableArray<UsageMark> AsNamed(ITypeSymbol type)
    {
        var marks = new List<UsageMark>();
        AddAsNamed(type, marks, 0);
        return marks.Distinct().ToEquatableArray();
    }

    /// <summary>
    /// The marks of types that generated code may name because of this message, beyond the message itself: the type
    /// arguments of its base classes and interfaces (which a middleware's type parameters can be bound to, as in
    /// <c>where TRequest : ICached&lt;TKey&gt;</c>) and the attribute classes on it and its base classes (which a
    /// configured middleware is built with).
    /// </summary>
    public static EquatableArray<UsageMark> Reachable(ITypeSymbol type)
    {
        var marks = new List<UsageMark>();
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            foreach (var argument in current.TypeArguments)
            {
                AddAsNamed(argument, marks, 0);
            }
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var argument in contract.TypeArguments)
            {
                AddAsNamed(argument, marks, 0);
            }
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass)
                {
                    AddAsNamed(attributeClass, marks, 0);
                }
            }
        }

        return marks.Distinct().ToEquatableArray();
    }

    /// <summary>The marks on <paramref name="symbol"/> itself (a method, a constructor), not on the types it mentions.</summary>
    public static IEnumerable<UsageMark> Own(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Read(attribute) is { } mark)
            {
                yield return mark;
            }
        }
    }

    private static void AddAsNamed(ITypeSymbol type, List<UsageMark> marks, int depth)
    {
        // Types nest only as deep as someone wrote them; the bound guards against a malformed symbol graph.
        if (depth > 32)
        {
            return;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                AddAsNamed(array.ElementType, marks, depth + 1);
                return;
            case IPointerTypeSymbol pointer:
                AddAsNamed(pointer.PointedAtType, marks, depth + 1);
                return;
            case INamedTypeSymbol named:
                marks.AddRange(Own(named));
                foreach (var argument in named.TypeArguments)
                {
                    AddAsNamed(argument, marks, depth + 1);
                }

                if (named.ContainingType is { } container)
                {
                    AddAsNamed(container, marks, depth + 1);
                }

                return;
        }
    }

    private static UsageMark? Read(AttributeData attribute)
    {
        var kind = attribute.AttributeClass?.ToDisplayString() switch
        {
            "System.ObsoleteAttribute" => UsageMarkKind.Obsolete,
            "System.Diagnostics.CodeAnalysis.ExperimentalAttribute" => UsageMarkKind.Experimental,
            _ => (UsageMarkKind?)null,
        };
        if (kind is null)
        {
            return null;
        }

        // Written back as the user wrote them; an argument in error gives a bare copy, which still marks the member.
        var arguments = attribute.ConstructorArguments.Select(AttributeLiteral.Write)
            .Concat(attribute.NamedArguments.Select(a => AttributeLiteral.Write(a.Value) is { } value ? a.Key + " = " + value : null))
            .ToList();
        var text = arguments.Any(a => a is null) ? string.Empty : string.Join(", ", arguments);
        var id = kind == UsageMarkKind.Experimental
            ? attribute.ConstructorArguments.FirstOrDefault().Value as string
            : attribute.NamedArguments.FirstOrDefault(a => a.Key == "DiagnosticId").Value.Value as string;
        var isError = kind == UsageMarkKind.Obsolete && attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true;
        return new UsageMark(kind.Value, text, string.IsNullOrWhiteSpace(id) ? null : id, isError);
    }
}
