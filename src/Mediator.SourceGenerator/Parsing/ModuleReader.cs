using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads what the project's references handle, from their metadata only: each module's
/// <c>[assembly: MediatorModule(typeof(Mediator), version)]</c> and the public typed overloads of that mediator. It is
/// given the references alone (not the project's compilation), so an edit in the project never re-runs it.
/// </summary>
internal static class ModuleReader
{
    /// <summary>
    /// The version of the module contract this generator writes and reads (<c>RegisterModule</c>, the overloads and, since
    /// version 2, <c>ComposedPipelines</c> and <c>ComposedMediator</c>, which let a host build a module's mediator without
    /// a container lookup).
    /// </summary>
    public const int ContractVersion = 2;

    public const string ModuleAttribute = "Mediator.Internal.MediatorModuleAttribute";

    /// <summary>
    /// The names this generator has written in <c>[GeneratedCode]</c>: today's, and the one before the packages were named
    /// CompiledMediator (a mediator generated then predates modules, MED0042, whichever name it carries).
    /// </summary>
    private static readonly string[] GeneratorNames = { Emitting.Code.GeneratorName, "Mediator.SourceGenerator" };

    public static ModuleReferences Read(ImmutableArray<MetadataReference> references, CancellationToken cancellationToken)
    {
        // A compilation of the references alone: their symbols, without the project's syntax trees.
        var probe = CSharpCompilation.Create("MediatorModuleProbe", references: references);
        var moduleAttribute = probe.GetTypeByMetadataName(ModuleAttribute);
        var handlerAttribute = probe.GetTypeByMetadataName(Symbols.KnownTypes.HandlerAttribute);
        var mediatorInterface = probe.GetTypeByMetadataName("Mediator.IMediator");
        if (mediatorInterface is null)
        {
            return ModuleReferences.None;
        }

        var modules = new List<ModuleSpec>();
        var referencedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        var contracts = mediatorInterface.ContainingAssembly;
        foreach (var reference in references)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (probe.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || SymbolEqualityComparer.Default.Equals(assembly, contracts)
                || !assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => SymbolEqualityComparer.Default.Equals(r, contracts))))
            {
                // Only an assembly built against the mediator's contracts can hold a module or handlers.
                continue;
            }

            var descriptor = assembly.GetAttributes().FirstOrDefault(a => moduleAttribute is not null && SymbolEqualityComparer.Default.Equals(a.AttributeClass, moduleAttribute));
            if (descriptor is not null)
            {
                var version = descriptor.ConstructorArguments.Length == 2 && descriptor.ConstructorArguments[1].Value is int v ? v : 0;
                if (version != ContractVersion || descriptor.ConstructorArguments[0].Value is not INamedTypeSymbol mediator)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncompatibleModule, null, assembly.Name, "a generator with module contract version " + version + " (this one writes version " + ContractVersion + ")"));
                    continue;
                }

                modules.Add(Describe(assembly.Name, mediator));
                referencedBy[assembly.Name] = assembly.Modules.SelectMany(m => m.ReferencedAssemblySymbols).Select(r => r.Name).ToList();
                continue;
            }

            // No descriptor: a mediator generated before modules existed, or handlers compiled without the generator.
            var types = AllTypes(assembly.GlobalNamespace, cancellationToken).ToList();
            var generated = types.FirstOrDefault(t => t.AllInterfaces.Contains(mediatorInterface, SymbolEqualityComparer.Default) && GeneratedBy(t) is not null);
            if (generated is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncompatibleModule, null, assembly.Name, Emitting.Code.GeneratorName + " " + GeneratedBy(generated) + ", from before projects could be composed"));
                continue;
            }

            var handlers = handlerAttribute is null
                ? new List<INamedTypeSymbol>()
                : types.Where(t => t.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, handlerAttribute))).ToList();
            if (handlers.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlersWithoutGeneratedMediator, null, assembly.Name,
                    string.Join("', '", handlers.Select(h => h.ToDisplayString()).OrderBy(n => n, StringComparer.Ordinal).Take(3))));
            }
        }

        return new ModuleReferences(
            WithoutForwarded(modules, referencedBy).OrderBy(m => m.AssemblyName, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// A module that references another module composes it, so its mediator has overloads for the other's messages too.
    /// A request or stream stays with the module that handles it (the composing one forwards; a real duplicate was
    /// reported as MED0041 when it was built). A notification goes through the composing module only, whose Publish
    /// reaches its own handlers and the composed module's: publishing to both would deliver it twice.
    /// </summary>
    private static IEnumerable<ModuleSpec> WithoutForwarded(List<ModuleSpec> modules, Dictionary<string, List<string>> referencedBy)
    {
        foreach (var module in modules)
        {
            var composed = modules.Where(m => m != module && referencedBy[module.AssemblyName].Contains(m.AssemblyName)).ToList();
            var composers = modules.Where(m => m != module && referencedBy[m.AssemblyName].Contains(module.AssemblyName)).ToList();
            yield return module with
            {
                Requests = module.Requests.Where(r => !composed.Any(m => m.Requests.Any(o => o.Type == r.Type))).ToEquatableArray(),
                Streams = module.Streams.Where(s => !composed.Any(m => m.Streams.Any(o => o.Type == s.Type))).ToEquatableArray(),
                Notifications = module.Notifications.Where(n => !composers.Any(m => m.Notifications.Any(o => o.Type == n.Type))).ToEquatableArray(),
            };
        }
    }

    /// <summary>The messages a module's mediator takes through public typed overloads: <c>Send(T, CancellationToken)</c> and the like.</summary>
    private static ModuleSpec Describe(string assemblyName, INamedTypeSymbol mediator)
    {
        var requests = new List<ModuleMessage>();
        var notifications = new List<ModuleMessage>();
        var streams = new List<ModuleMessage>();
        foreach (var method in mediator.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic || method.IsGenericMethod || method.Parameters.Length != 2
                || method.Parameters[0].Type.TypeKind == TypeKind.Interface || method.Parameters[0].Type.TypeKind == TypeKind.TypeParameter)
            {
                continue;
            }

            var message = method.Parameters[0].Type;
            var type = Name(message);
            var returned = method.ReturnType as INamedTypeSymbol;
            switch (method.Name)
            {
                case "Send":
                    requests.Add(new ModuleMessage(type, returned is { IsGenericType: true } ? Name(returned.TypeArguments[0]) : null, message.IsValueType, Supertypes(message)));
                    break;
                case "CreateStream" when returned is { IsGenericType: true }:
                    streams.Add(new ModuleMessage(type, Name(returned.TypeArguments[0]), message.IsValueType, Supertypes(message)));
                    break;
                case "Publish":
                    notifications.Add(new ModuleMessage(type, null, message.IsValueType, Supertypes(message)));
                    break;
            }
        }

        return new ModuleSpec(
            assemblyName,
            Name(mediator),
            requests.OrderBy(m => m.Type, StringComparer.Ordinal).ToEquatableArray(),
            notifications.OrderBy(m => m.Type, StringComparer.Ordinal).ToEquatableArray(),
            streams.OrderBy(m => m.Type, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>A type as generated code writes it; the host compares these texts with its own messages' (<see cref="TypeRef.Display"/>).</summary>
    public static string Name(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static EquatableArray<string> Supertypes(ITypeSymbol type)
    {
        var all = new List<string>();
        for (var b = type.BaseType; b is not null && b.SpecialType != SpecialType.System_Object && b.SpecialType != SpecialType.System_ValueType; b = b.BaseType)
        {
            all.Add(Name(b));
        }

        all.AddRange(type.AllInterfaces.Select(Name));
        return all.ToEquatableArray();
    }

    private static string? GeneratedBy(INamedTypeSymbol type)
        => type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
                && a.ConstructorArguments.Length == 2
                && a.ConstructorArguments[0].Value is string name
                && GeneratorNames.Contains(name, StringComparer.Ordinal))
            .Select(a => a.ConstructorArguments[1].Value as string ?? "?")
            .FirstOrDefault();

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns, CancellationToken cancellationToken)
    {
        foreach (var member in ns.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in AllTypes(inner, cancellationToken))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
            }
        }
    }
}
