using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// The one list of what MED0032 counts as a mutable object: a type whose instance a shared (singleton) middleware
/// cannot keep in a <c>readonly</c> field, because every message in flight would change the same instance at once.
/// docs/diagnostics/MED0032.md lists the same types (a test compares them); change both together.
/// </summary>
/// <remarks>
/// Only types known to be unsafe are listed, so that everything else is a near miss: immutable types (<c>string</c>,
/// <c>ImmutableArray&lt;T&gt;</c>, <c>FrozenDictionary&lt;,&gt;</c>), thread-safe ones (<c>ConcurrentDictionary&lt;,&gt;</c>,
/// <c>Channel&lt;T&gt;</c>, <c>SemaphoreSlim</c>, <c>ILogger</c>, <c>TimeProvider</c>) and anything the analyzer cannot
/// see into (an interface such as <c>IList&lt;T&gt;</c> may hold a concurrent collection; a class of the app's may lock).
/// </remarks>
internal static class MutableTypes
{
    /// <summary>
    /// Full names as the docs page writes them, with why one shared instance is unsafe. A class deriving from one of
    /// them (<c>SHA256</c> from <c>HashAlgorithm</c>, a list of the app's from <c>List&lt;T&gt;</c>) counts too.
    /// </summary>
    public static readonly IReadOnlyList<(string Type, string Why)> Known = new[]
    {
        ("System.Diagnostics.Stopwatch", "Start, Stop and Restart change the one instance"),
        ("System.Text.StringBuilder", "appends change the one buffer"),
        ("System.Random", "not thread-safe: concurrent calls can corrupt it (Random.Shared is thread-safe and not reported)"),
        ("System.IO.MemoryStream", "reads and writes move one position"),
        ("System.Security.Cryptography.HashAlgorithm", "keeps the state of the hash being computed (SHA256, MD5, HMAC...)"),
        ("System.Collections.Generic.List<T>", Collection),
        ("System.Collections.Generic.Dictionary<TKey, TValue>", Collection),
        ("System.Collections.Generic.HashSet<T>", Collection),
        ("System.Collections.Generic.Queue<T>", Collection),
        ("System.Collections.Generic.Stack<T>", Collection),
        ("System.Collections.Generic.LinkedList<T>", Collection),
        ("System.Collections.Generic.SortedDictionary<TKey, TValue>", Collection),
        ("System.Collections.Generic.SortedList<TKey, TValue>", Collection),
        ("System.Collections.Generic.SortedSet<T>", Collection),
        ("System.Collections.Generic.PriorityQueue<TElement, TPriority>", Collection),
        ("System.Collections.ObjectModel.Collection<T>", Collection),
        ("System.Collections.ObjectModel.ObservableCollection<T>", Collection),
        ("System.Collections.ArrayList", Collection),
        ("System.Collections.Hashtable", Collection),
        ("System.Collections.Queue", Collection),
        ("System.Collections.Stack", Collection),
        ("System.Collections.SortedList", Collection),
        ("System.Collections.BitArray", Collection),
    };

    /// <summary>Why an array counts: it is not in <see cref="Known"/>, having no metadata name of its own.</summary>
    public const string ArrayWhy = "its elements can be written";

    private const string Collection = "a non-concurrent collection: a write during another read or write corrupts it";

    /// <summary>By metadata name: <c>List&lt;T&gt;</c> is <c>List`1</c>.</summary>
    private static readonly HashSet<string> ByMetadataName = new(Known.Select(k => ToMetadataName(k.Type)), StringComparer.Ordinal);

    /// <summary>
    /// Whether one instance of <paramref name="type"/> held by a shared middleware would be changed by concurrent
    /// messages: an array, a type in <see cref="Known"/> or derived from one, or a struct of this compilation (or a
    /// tuple) with such a field. <paramref name="what"/> names the offending type for the message.
    /// </summary>
    public static bool IsMutable(ITypeSymbol type, out string what) => IsMutable(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), out what);

    /// <summary>The metadata name of <paramref name="type"/>'s definition: namespace, name and arity (<c>System.Collections.Generic.List`1</c>).</summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var ns = definition.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() + "." : string.Empty;
        return ns + definition.MetadataName;
    }

    private static bool IsMutable(ITypeSymbol type, HashSet<ITypeSymbol> seen, out string what)
    {
        what = "'" + DiagnosticText.Name(type) + "'";
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        if (type is not INamedTypeSymbol named || !seen.Add(named))
        {
            return false;
        }

        for (var current = named; current is not null; current = current.BaseType)
        {
            if (current.ContainingType is null && ByMetadataName.Contains(MetadataName(current)))
            {
                return true;
            }
        }

        // A struct is copied with the field, so only a mutable object inside it is shared; a class of the app's or a
        // library struct may guard its state, and is not looked into.
        if (named.IsTupleType)
        {
            foreach (var element in named.TupleElements)
            {
                if (IsMutable(element.Type, seen, out var inner))
                {
                    what += " (its element '" + element.Name + "' holds " + inner + ")";
                    return true;
                }
            }
        }
        else if (named.TypeKind == TypeKind.Struct && named.Locations.Any(l => l.IsInSource))
        {
            foreach (var field in named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
            {
                if (IsMutable(field.Type, seen, out var inner))
                {
                    var member = field.IsImplicitlyDeclared ? field.AssociatedSymbol ?? field : field;
                    what += " (its " + (member is IPropertySymbol ? "property" : "field") + " '" + member.Name + "' holds " + inner + ")";
                    return true;
                }
            }
        }

        return false;
    }

    private static string ToMetadataName(string type)
    {
        var open = type.IndexOf('<');
        return open < 0 ? type : type.Substring(0, open) + "`" + (type.Count(c => c == ',') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
