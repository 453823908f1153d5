using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Checks that a type marked <c>[MiddlewareGroup]</c> can be shared by messages (MED0011).</summary>
internal static class GroupDeclarationParser
{
    public static EquatableArray<DiagnosticInfo> Parse(INamedTypeSymbol symbol)
    {
        if (WhyNotAGroup(symbol) is not { } reason)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var location = LocationInfo.From(symbol);
        return new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMiddlewareGroup, location, TypeRefFactory.Display(symbol), reason) }.ToEquatableArray();
    }

    private static string? WhyNotAGroup(INamedTypeSymbol symbol)
    {
        if (symbol.TypeKind == TypeKind.Interface)
        {
            return null;
        }

        if (symbol.TypeKind != TypeKind.Class)
        {
            return "it is not a class or an interface";
        }

        if (symbol.IsStatic)
        {
            return "it is static, so nothing can derive from it";
        }

        return symbol.IsSealed ? "it is sealed, so no other message can derive from it" : null;
    }
}
