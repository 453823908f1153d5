using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Describes a closed request or response type for planning.</summary>
internal static class MessageTypeSpecFactory
{
    /// <summary>The description, or null when generated code must not name the type (see <see cref="TypeRefFactory.TryCreate"/>).</summary>
    public static MessageTypeSpec? Create(ITypeSymbol type) => SymbolCache.Spec(type, s_create);

    private static readonly System.Func<ITypeSymbol, MessageTypeSpec?> s_create = CreateCore;

    private static MessageTypeSpec? CreateCore(ITypeSymbol type)
    {
        if (!TypeRefFactory.TryCreate(type, out var self))
        {
            return null;
        }

        // A base class or interface the compiler rejects is its to report, and is left out; the type itself can still be
        // named, and what it does not convert to cannot satisfy a constraint anyway.
        var supertypes = new List<TypeRef> { self.Erased };
        var depth = 0;
        for (var current = type.BaseType; current is not null && !BrokenTypes.Contains(current); current = current.BaseType)
        {
            depth++;
            AddErased(supertypes, current);
        }

        foreach (var contract in type.AllInterfaces)
        {
            AddErased(supertypes, contract);
        }

        return new MessageTypeSpec(
            self,
            type.IsValueType,
            type.IsReferenceType,
            type.IsSealed || type.IsValueType,
            HasPublicParameterlessConstructor(type),
            TypeAccessibility.IsEffectivelyPublic(type),
            depth,
            supertypes.Distinct().ToEquatableArray(),
            type.TypeKind == TypeKind.Interface || type.IsAbstract,
            PublishPolicyParser.ReadStrategy(type.GetAttributes()),
            MessageAttributesFactory.Create(type),
            type.IsUnmanagedType,
            UsageMarkFactory.AsNamed(type),
            UsageMarkFactory.Reachable(type),
            PublishPolicyParser.ReadFailures(type.GetAttributes()));
    }

    private static void AddErased(List<TypeRef> supertypes, ITypeSymbol type)
    {
        if (TypeRefFactory.TryCreate(type, out var supertype))
        {
            supertypes.Add(supertype.Erased);
        }
    }

    internal static bool HasPublicParameterlessConstructor(ITypeSymbol type)
        => type.IsValueType
            || (type is INamedTypeSymbol { IsAbstract: false } named
                && (SourceConstructors.HasPublicParameterless(named)
                    ?? named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)));
}
