using System.Collections.Concurrent;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>
/// Descriptions of types already made during the scans of one compilation (<c>DeclarationScanner.ScanFile</c> in Parsing/,
/// one per file), so that a type every handler mentions (<c>int</c> and its thirty generic-math interfaces,
/// <c>IRequest&lt;int&gt;</c>, <c>object</c>) is described once per compilation instead of once per handler or per file.
/// Both factories are pure functions of the symbol within one compilation; a type they refuse (null) is remembered as
/// refused.
/// </summary>
/// <remarks>
/// One cache per compilation, kept as long as the compilation lives (<see cref="For"/>), and current on the scanning
/// thread for the duration of a file's scan (<see cref="Use"/>); outside a scan the factories compute as before. Only named types without tuples anywhere in them are cached: their symbols compare equal
/// (<see cref="SymbolEqualityComparer.IncludeNullability"/>) exactly when their descriptions are equal, tuple element
/// names included.
/// </remarks>
internal sealed class SymbolCache
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, SymbolCache> PerCompilation = new();

    [ThreadStatic]
    private static SymbolCache? s_current;

    // Concurrent: two drivers may scan the same compilation at once (the cache is the compilation's, not the scan's). A
    // description made twice is the same description.
    private readonly ConcurrentDictionary<ITypeSymbol, TypeRef?> _typeRefs = new(SymbolEqualityComparer.IncludeNullability);
    private readonly ConcurrentDictionary<ITypeSymbol, MessageTypeSpec?> _specs = new(SymbolEqualityComparer.IncludeNullability);

    private SymbolCache()
    {
    }

    /// <summary>The cache of <paramref name="compilation"/>'s symbols.</summary>
    public static SymbolCache For(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new SymbolCache());

    /// <summary>Makes <paramref name="cache"/> this thread's cache until the returned scope is disposed (at the end of a scan).</summary>
    public static IDisposable Use(SymbolCache cache)
    {
        var scope = new Scope(s_current);
        s_current = cache;
        return scope;
    }

    private sealed class Scope(SymbolCache? outer) : IDisposable
    {
        public void Dispose() => s_current = outer;
    }

    public static TypeRef? TypeRef(ITypeSymbol type, Func<ITypeSymbol, TypeRef?> create)
        => Get(s_current?._typeRefs, type, create);

    public static MessageTypeSpec? Spec(ITypeSymbol type, Func<ITypeSymbol, MessageTypeSpec?> create)
        => Get(s_current?._specs, type, create);

    private static T Get<T>(ConcurrentDictionary<ITypeSymbol, T>? cache, ITypeSymbol type, Func<ITypeSymbol, T> create)
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
