using System.Collections.Generic;
using System.Linq;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Describes a closed request or response type for planning.</summary>
internal static class MessageTypeSpecFactory
{
    public static MessageTypeSpec Create(ITypeSymbol type) => SymbolCache.Spec(type, s_create);

    private static readonly System.Func<ITypeSymbol, MessageTypeSpec> s_create = CreateCore;

    private static MessageTypeSpec CreateCore(ITypeSymbol type)
    {
        // A base type or interface the compiler rejects is left out: no handler or constraint can name it either.
        var supertypes = new List<TypeRef> { TypeRefFactory.Create(type).Erased };
        var depth = 0;
        for (var current = type.BaseType; current is not null && !BrokenTypes.Contains(current); current = current.BaseType)
        {
            depth++;
            supertypes.Add(TypeRefFactory.Create(current).Erased);
        }

        supertypes.AddRange(type.AllInterfaces.Where(i => !BrokenTypes.Contains(i)).Select(i => TypeRefFactory.Create(i).Erased));

        return new MessageTypeSpec(
            TypeRefFactory.Create(type),
            type.IsValueType,
            type.IsReferenceType,
            type.IsSealed || type.IsValueType,
            HasPublicParameterlessConstructor(type),
            TypeAccessibility.IsEffectivelyPublic(type),
            depth,
            supertypes.Distinct().ToEquatableArray(),
            type.TypeKind == TypeKind.Interface || type.IsAbstract,
            KnownTypes.ReadPublishStrategy(type.GetAttributes()),
            MessageAttributesFactory.Create(type),
            type.IsUnmanagedType);
    }

    internal static bool HasPublicParameterlessConstructor(ITypeSymbol type)
        => type.IsValueType
            || (type is INamedTypeSymbol { IsAbstract: false } named
                && (SourceConstructors.HasPublicParameterless(named)
                    ?? named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)));
}
