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
    /// The version of the module contract this generator writes and reads: <c>RegisterModule</c>, <c>ComposedPipelines</c>
    /// and, since version 3, the static entry points <c>ComposedSend</c>, <c>ComposedPublish</c> and
    /// <c>ComposedCreateStream</c> over a host mediator's services and the module's cache, which the host calls instead of
    /// creating the module's mediator (version 2 had the host create it: an object per host mediator). Since version 4
    /// the module's <c>PipelineCache</c> is public (hidden) and the entry points take it typed, not as an <c>object</c>
    /// they cast back; <c>ComposedPipelines</c> returns it typed; and <c>ComposedSendObject</c>, <c>ComposedPublishObject</c>
    /// and <c>ComposedCreateStreamObject</c> take an <c>object</c> to any of the module's pipelines, internal ones included,
    /// for the host's <c>Send(object)</c> and the like (a version 3 module would leave its internal messages unreachable
    /// from them without a word, so it is MED0042).
    /// </summary>
    public const int ContractVersion = 4;

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
            modules.OrderBy(m => m.AssemblyName, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The messages a module's entry points take: <c>ComposedSend(services, pipelines, T, CancellationToken)</c> and the
    /// like, one per public typed overload of its own pipelines. A module that composes another has entry points for its
    /// own messages only, so each module's handlers are reached through that module, once.
    /// </summary>
    private static ModuleSpec Describe(string assemblyName, INamedTypeSymbol mediator)
    {
        var requests = new List<ModuleMessage>();
        var notifications = new List<ModuleMessage>();
        var streams = new List<ModuleMessage>();
        var objectEntries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in mediator.GetMembers().OfType<IMethodSymbol>())
        {
            if (method.DeclaredAccessibility != Accessibility.Public || !method.IsStatic || method.IsGenericMethod || method.Parameters.Length != 4)
            {
                continue;
            }

            if (method.Name is Emitting.ObjectDispatch.ComposedSendObject or Emitting.ObjectDispatch.ComposedPublishObject or Emitting.ObjectDispatch.ComposedCreateStreamObject
                && method.Parameters[2].Type.SpecialType == SpecialType.System_Object)
            {
                objectEntries.Add(method.Name);
                continue;
            }

            var message = method.Parameters[2].Type;
            var returned = method.ReturnType as INamedTypeSymbol;
            var result = returned is { IsGenericType: true } ? Name(returned.TypeArguments[0]) : null;
            switch (method.Name)
            {
                case Emitting.ModuleEmitter.ComposedSend:
                    requests.Add(Message(message, result));
                    break;
                case Emitting.ModuleEmitter.ComposedCreateStream when result is not null:
                    streams.Add(Message(message, result));
                    break;
                case Emitting.ModuleEmitter.ComposedPublish:
                    notifications.Add(Message(message, null));
                    break;
            }
        }

        return new ModuleSpec(
            assemblyName,
            Name(mediator),
            requests.OrderBy(m => m.Type, StringComparer.Ordinal).ToEquatableArray(),
            notifications.OrderBy(m => m.Type, StringComparer.Ordinal).ToEquatableArray(),
            streams.OrderBy(m => m.Type, StringComparer.Ordinal).ToEquatableArray())
        {
            SendsObjects = objectEntries.Contains(Emitting.ObjectDispatch.ComposedSendObject),
            PublishesObjects = objectEntries.Contains(Emitting.ObjectDispatch.ComposedPublishObject),
            StreamsObjects = objectEntries.Contains(Emitting.ObjectDispatch.ComposedCreateStreamObject),
        };
    }

    /// <summary>A message as the host's dispatch needs it: with its supertypes and, for the base-class tests, its depth.</summary>
    private static ModuleMessage Message(ITypeSymbol message, string? result)
    {
        var depth = 0;
        for (var b = message.BaseType; b is not null; b = b.BaseType)
        {
            depth++;
        }

        return new ModuleMessage(Name(message), result, message.IsValueType, Supertypes(message))
        {
            CanBeDerived = message.TypeKind == TypeKind.Class && !message.IsSealed && !message.IsStatic,
            InheritanceDepth = depth,
        };
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
