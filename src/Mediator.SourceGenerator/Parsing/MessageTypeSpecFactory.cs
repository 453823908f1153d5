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
        var supertypes = new List<TypeRef> { TypeRefFactory.Create(type).Erased };
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
            supertypes.Add(TypeRefFactory.Create(current).Erased);
        }

        supertypes.AddRange(type.AllInterfaces.Select(i => TypeRefFactory.Create(i).Erased));

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
            type.IsUnmanagedType,
            UsageMarkFactory.AsNamed(type),
            UsageMarkFactory.Reachable(type));
    }

    internal static bool HasPublicParameterlessConstructor(ITypeSymbol type)
        => type.IsValueType
            || (type is INamedTypeSymbol { IsAbstract: false } named
                && (SourceConstructors.HasPublicParameterless(named)
                    ?? named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)));
}
