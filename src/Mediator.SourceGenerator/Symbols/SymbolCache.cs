using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>
/// Descriptions of types already made during one scan of the compilation (begun by <c>DeclarationScanner.Scan</c> in Parsing/), so that a type every handler
/// mentions (<c>int</c> and its thirty generic-math interfaces, <c>IRequest&lt;int&gt;</c>, <c>object</c>) is described once
/// per scan instead of once per handler. Both factories are pure functions of the symbol within one compilation; a
/// type they refuse (null) is remembered as refused.
/// </summary>
/// <remarks>
/// Held for the duration of a scan on the scanning thread (<see cref="Begin"/>); outside a scan the factories compute
/// as before. Only named types without tuples anywhere in them are cached: their symbols compare equal
/// (<see cref="SymbolEqualityComparer.IncludeNullability"/>) exactly when their descriptions are equal, tuple element
/// names included.
/// </remarks>
internal sealed class SymbolCache : IDisposable
{
    [ThreadStatic]
    private static SymbolCache? s_current;

    private readonly SymbolCache? _outer;
    private readonly Dictionary<ITypeSymbol, TypeRef?> _typeRefs = new(SymbolEqualityComparer.IncludeNullability);
    private readonly Dictionary<ITypeSymbol, MessageTypeSpec?> _specs = new(SymbolEqualityComparer.IncludeNullability);

    private SymbolCache(SymbolCache? outer) => _outer = outer;

    /// <summary>Starts a cache for this thread; dispose it when the scan ends.</summary>
    public static SymbolCache Begin() => s_current = new SymbolCache(s_current);

    public void Dispose() => s_current = _outer;

    public static TypeRef? TypeRef(ITypeSymbol type, Func<ITypeSymbol, TypeRef?> create)
        => Get(s_current?._typeRefs, type, create);

    public static MessageTypeSpec? Spec(ITypeSymbol type, Func<ITypeSymbol, MessageTypeSpec?> create)
        => Get(s_current?._specs, type, create);

    private static T Get<T>(Dictionary<ITypeSymbol, T>? cache, ITypeSymbol type, Func<ITypeSymbol, T> create)
    {
        if (cache is null || !IsCacheable(type))
        {
            return create(type);
        }

        if (!cache.TryGetValue(type, out var value))
        {
            value = create(type);
            cache[type] = value;
        }

        return value;
    }

    private static bool IsCacheable(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { IsTupleType: false } named)
        {
            return false;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (!IsCacheable(argument))
            {
                return false;
            }
        }

        return named.ContainingType is null || IsCacheable(named.ContainingType);
    }
}
