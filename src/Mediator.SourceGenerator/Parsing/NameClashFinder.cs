using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>What stands in the way of the generated names.</summary>
/// <param name="Clashes">MED0035 for each declaration or use that the generated code would collide with: nothing is generated while there is one.</param>
/// <param name="ForeignRegistration">A registration method of the same name visible from a referenced assembly; see <see cref="GeneratorOptions.ForeignRegistration"/>.</param>
/// <param name="Failures">MED0003 when the checks themselves failed.</param>
internal sealed record NameCheck(EquatableArray<DiagnosticInfo> Clashes, ForeignRegistration? ForeignRegistration, EquatableArray<DiagnosticInfo> Failures = default);

/// <summary>
/// Finds declarations that collide with what the generator declares or names: a type or namespace where the mediator
/// class goes, a type named like a segment of its namespace, a global type that hides a namespace generated code names
/// (<c>global::Mediator</c>, <c>global::System</c>, <c>global::Microsoft</c>), and a registration class or method of
/// the generated registration's name. It asks the compilation's symbol tables by name (declarations only, no binding),
/// and <see cref="CapturedNameFinder"/> adds uses of the class's name that it would capture.
/// </summary>
internal static class NameClashFinder
{
    private const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
    private const string RenameClassOrNamespace = "rename yours, or set <MediatorClassName> (or <MediatorNamespace>) in the project file";
    private const string RenameNamespace = "rename yours, or set <MediatorNamespace> in the project file";
    private const string RenameClass = "rename yours, or set <MediatorClassName> in the project file, which renames the generated registration too";
    private const string ChangeThisProject = "set <MediatorNamespace> or <MediatorClassName> in this project's file";

    public static NameCheck Find(Compilation compilation, MediatorName mediator, bool hasServiceCollection, CancellationToken cancellationToken)
    {
        var clashes = new List<DiagnosticInfo>();
        var global = compilation.GlobalNamespace;

        // Generated code names the library, the BCL and the container from the global namespace: a type of that name there
        // hides the namespace from every generated file (CS0437, then CS0426).
        var named = hasServiceCollection ? new[] { "Mediator", "System", "Microsoft" } : new[] { "Mediator", "System" };
        foreach (var root in named)
        {
            foreach (var type in VisibleTypes(compilation, global, root))
            {
                clashes.Add(Clash(type, Describe(type) + " has the name of namespace '" + root + "', which the generated code names", "rename yours, or move it into a namespace"));
            }
        }

        var segments = mediator.Namespace.Split('.').Select(Identifiers.Plain).ToArray();
        if (NamespaceAt(compilation, segments, clashes, "the generated mediator's namespace '" + string.Join(".", segments) + "'", RenameNamespace) is { } home)
        {
            var target = "the generated mediator class '" + string.Join(".", segments) + "." + mediator.PlainClassName + "'";
            foreach (var type in VisibleTypes(compilation, home, mediator.PlainClassName))
            {
                clashes.Add(Clash(type, Describe(type) + " has the name of " + target, IsSource(type) ? RenameClassOrNamespace : ChangeThisProject));
            }

            foreach (var ns in home.GetMembers(mediator.PlainClassName).OfType<INamespaceSymbol>())
            {
                clashes.Add(Clash(ns, Describe(ns) + " has the name of " + target, ns.Locations.Any(l => l.IsInSource) ? RenameClassOrNamespace : ChangeThisProject));
            }
        }

        ForeignRegistration? foreign = null;
        if (hasServiceCollection)
        {
            var registration = MediatorName.RegistrationNamespace.Split('.');
            if (NamespaceAt(compilation, registration, clashes, "namespace '" + MediatorName.RegistrationNamespace + "', where the generated registration goes", "rename yours") is { } di)
            {
                foreach (var type in di.GetTypeMembers(mediator.RegistrationClass).Where(IsSource))
                {
                    clashes.Add(Clash(type, Describe(type) + " has the name of the generated registration class '" + MediatorName.RegistrationNamespace + "." + mediator.RegistrationClass + "'", RenameClass));
                }

                foreign = ForeignRegistrationIn(compilation, di, mediator.RegistrationMethod);
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var method in compilation.GetSymbolsWithName(mediator.RegistrationMethod, SymbolFilter.Member, cancellationToken).OfType<IMethodSymbol>())
            {
                if (IsRegistrationShaped(method))
                {
                    clashes.Add(Clash(method, "Method '" + MethodText(method) + "' has the name of the generated registration method '" + mediator.RegistrationMethod + "(IServiceCollection)'", RenameClass));
                }
            }
        }

        return new NameCheck(clashes.ToEquatableArray(), foreign);
    }

    /// <summary>
    /// Walks to the namespace <paramref name="segments"/> names, reporting each type that has a segment's name where that
    /// segment goes (a namespace cannot be declared beside a type of its name: CS0101). Null when the namespace is not
    /// declared yet, and then nothing deeper can clash.
    /// </summary>
    private static INamespaceSymbol? NamespaceAt(Compilation compilation, string[] segments, List<DiagnosticInfo> clashes, string what, string fix)
    {
        var current = compilation.GlobalNamespace;
        for (var i = 0; i < segments.Length; i++)
        {
            foreach (var type in VisibleTypes(compilation, current, segments[i]))
            {
                clashes.Add(Clash(type, Describe(type) + " has the name of " + what, IsSource(type) ? fix : ChangeThisProject));
            }

            if (current.GetMembers(segments[i]).OfType<INamespaceSymbol>().FirstOrDefault() is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Types without type parameters named <paramref name="name"/> in <paramref name="container"/>: declared here, or visible from a reference.</summary>
    private static IEnumerable<INamedTypeSymbol> VisibleTypes(Compilation compilation, INamespaceSymbol container, string name)
        => container.GetTypeMembers(name)
            .Where(t => t.Arity == 0 && (IsSource(t) || compilation.IsSymbolAccessibleWithin(t, compilation.Assembly)));

    /// <summary>
    /// An extension method of the registration's name and shape that a referenced assembly makes visible in the
    /// container's namespace: the project under test, through <c>InternalsVisibleTo</c>, or a library exposing its own.
    /// </summary>
    private static ForeignRegistration? ForeignRegistrationIn(Compilation compilation, INamespaceSymbol di, string methodName)
    {
        foreach (var type in di.GetTypeMembers())
        {
            if (IsSource(type) || !type.IsStatic || !type.MightContainExtensionMethods)
            {
                continue;
            }

            foreach (var method in type.GetMembers(methodName).OfType<IMethodSymbol>())
            {
                if (IsRegistrationShaped(method) && compilation.IsSymbolAccessibleWithin(method, compilation.Assembly))
                {
                    return new ForeignRegistration(MethodText(method), method.ContainingAssembly.Name);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An extension of <c>IServiceCollection</c> itself that a call without arguments can reach: with the generated one
    /// beside it, every <c>services.AddMediator()</c> is ambiguous (CS0121) or silently picks one of the two. A generic
    /// one (<c>AddSingleton&lt;T&gt;()</c>) needs its type argument written, so a call without one still means ours.
    /// </summary>
    private static bool IsRegistrationShaped(IMethodSymbol method)
        => method.IsExtensionMethod
            && !method.IsGenericMethod
            && method.Parameters.Length > 0
            && method.Parameters[0].Type.ToDisplayString() == ServiceCollection
            && method.Parameters.Skip(1).All(p => p.IsOptional || p.IsParams);

    private static bool IsSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

    private static DiagnosticInfo Clash(ISymbol symbol, string what, string fix)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        var assembly = symbol is INamespaceSymbol ns
            ? ns.ConstituentNamespaces.Select(c => c.ContainingAssembly).FirstOrDefault(a => a is not null)
            : symbol.ContainingAssembly;
        var origin = location is null && assembly is not null ? Origin(symbol, what, assembly) : what;
        return new DiagnosticInfo(DiagnosticDescriptors.NameClash.Id, LocationInfo.From(location), new[] { origin, fix }.ToEquatableArray());
    }

    /// <summary>A declaration from a reference has no place in this project: the message names its assembly instead.</summary>
    private static string Origin(ISymbol symbol, string what, IAssemblySymbol assembly)
    {
        var description = Describe(symbol);
        return what.StartsWith(description, System.StringComparison.Ordinal)
            ? description + " from assembly '" + assembly.Name + "'" + what.Substring(description.Length)
            : what;
    }

    /// <summary>"Class 'App.Mediator'", "Namespace 'App.Mediator'", "Method '...'": what the user declared, as they would call it.</summary>
    private static string Describe(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol ns => "Namespace '" + ns.ToDisplayString() + "'",
        INamedTypeSymbol type => Kind(type) + " '" + type.ToDisplayString() + "'",
        IMethodSymbol method => "Method '" + MethodText(method) + "'",
        _ => "'" + symbol.ToDisplayString() + "'",
    };

    private static string Kind(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? "Record struct" : "Struct",
        TypeKind.Interface => "Interface",
        TypeKind.Enum => "Enum",
        TypeKind.Delegate => "Delegate",
        _ => type.IsRecord ? "Record" : "Class",
    };

    /// <summary><c>App.Setup.Registrations.AddMediator(IServiceCollection, bool)</c>: the containing type in full, parameter types as written.</summary>
    private static string MethodText(IMethodSymbol method)
        => method.ContainingType.ToDisplayString() + "." + method.Name + "("
            + string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ")";
}
