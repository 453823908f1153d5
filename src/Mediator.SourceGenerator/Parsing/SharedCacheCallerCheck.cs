using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// MED0070: a request declared <c>[Cache(SharedAcrossCallers = true)]</c> (one answer for every caller) whose handler
/// takes the current caller. A check of one handler class and its request on their own, so it lives here, where the
/// symbols are. What "takes the caller" means, and how deep it looks, is documented in docs/built-ins/caching.md:
/// a constructor parameter whose type gives the caller, or a class whose public constructor takes one, followed up to
/// <see cref="MaxDepth"/> classes deep. Interfaces are not followed: their implementation is chosen at run time.
/// </summary>
internal static class SharedCacheCallerCheck
{
    /// <summary>How many classes deep a parameter is followed (the handler's own parameter is the first).</summary>
    private const int MaxDepth = 3;

    /// <summary>Adds MED0070 for <paramref name="handler"/> when <paramref name="request"/> shares its cached answers and the handler reads the caller.</summary>
    public static void Check(INamedTypeSymbol handler, string handlerName, ITypeSymbol request, LocationInfo? handlerLocation, List<DiagnosticInfo> diagnostics)
    {
        if (!SharesAnswersAcrossCallers(request) || Constructor(handler) is not { } constructor)
        {
            return;
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (CallerPath(parameter.Type, depth: 1, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default)) is not { } path)
            {
                continue;
            }

            // path[0] is the parameter's own type; the rest is how it reaches the caller.
            var through = path.Count == 1 ? string.Empty : ", through " + string.Join(" -> ", path.Skip(1).Select(t => "'" + DiagnosticText.Name(t) + "'"));
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SharedCacheHandlerReadsCaller,
                LocationInfo.From(parameter) ?? handlerLocation,
                DiagnosticText.Name(request),
                handlerName,
                DiagnosticText.Name(parameter.Type),
                parameter.Name,
                through));
        }
    }

    /// <summary>
    /// Whether the nearest <c>Mediator.Caching.CacheAttribute</c> on the request or its base classes (the one the
    /// caching middleware is given) sets <c>SharedAcrossCallers = true</c>.
    /// </summary>
    private static bool SharesAnswersAcrossCallers(ITypeSymbol request)
    {
        for (var current = request; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "CacheAttribute", Arity: 0, ContainingType: null } cache
                    && cache.ContainingNamespace is { Name: "Caching", ContainingNamespace: { Name: "Mediator", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return attribute.NamedArguments.Any(a => a.Key == "SharedAcrossCallers" && a.Value.Value is true);
                }
            }
        }

        return false;
    }

    /// <summary>The constructor the container uses: the public one with the most parameters (as <see cref="DependencyParser"/> reads it).</summary>
    private static IMethodSymbol? Constructor(INamedTypeSymbol type)
        => type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();

    /// <summary>
    /// The types from <paramref name="type"/> to one that gives the caller (both included), or null when it gives none
    /// that can be seen: <paramref name="type"/> gives it itself, or is a class whose constructor takes one that does.
    /// </summary>
    private static List<ITypeSymbol>? CallerPath(ITypeSymbol type, int depth, HashSet<ITypeSymbol> visited)
    {
        if (GivesCaller(type))
        {
            return new List<ITypeSymbol> { type };
        }

        if (depth >= MaxDepth || type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named || named.SpecialType != SpecialType.None || !visited.Add(named))
        {
            return null;
        }

        foreach (var parameter in Constructor(named)?.Parameters ?? Enumerable.Empty<IParameterSymbol>())
        {
            if (CallerPath(parameter.Type, depth + 1, visited) is { } rest)
            {
                rest.Insert(0, type);
                return rest;
            }
        }

        return null;
    }

    /// <summary>The type, or an interface or base class of it, is one that hands out the current caller.</summary>
    private static bool GivesCaller(ITypeSymbol type)
        => IsCallerType(type) || type.AllInterfaces.Any(IsCallerType) || BaseTypes(type).Any(IsCallerType);

    private static IEnumerable<ITypeSymbol> BaseTypes(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    /// <summary>
    /// The library's <c>ICallerAccessor</c>; ASP.NET Core's <c>IHttpContextAccessor</c> and <c>HttpContext</c>, by name
    /// (the generator references no ASP.NET Core); the principal types themselves.
    /// </summary>
    private static bool IsCallerType(ITypeSymbol type)
        => type is INamedTypeSymbol { Arity: 0, ContainingType: null } named && (named.Name, Namespace(named)) switch
        {
            ("ICallerAccessor", "Mediator.BuiltIns") => true,
            ("IHttpContextAccessor", "Microsoft.AspNetCore.Http") => true,
            ("HttpContext", "Microsoft.AspNetCore.Http") => true,
            ("ClaimsPrincipal", "System.Security.Claims") => true,
            ("IPrincipal", "System.Security.Principal") => true,
            _ => false,
        };

    private static string Namespace(INamedTypeSymbol type) => type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
}
