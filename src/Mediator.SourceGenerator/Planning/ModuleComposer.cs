using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// The whole-program step of a host: which referenced module takes each message, and the conflicts (MED0041). A
/// request or stream belongs to one project only; a notification reaches this project's handlers and every module's.
/// </summary>
internal static class ModuleComposer
{
    public static Composition Compose(ResolvedPipelines? own, ModuleReferences references, string hostAssembly)
    {
        if (references.Modules.Count == 0)
        {
            return Composition.None;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var requestOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var streamOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pipeline in own?.Requests ?? EquatableArray<ResolvedPipeline>.Empty)
        {
            requestOwners[pipeline.Message.Type.Display] = hostAssembly;
        }

        foreach (var pipeline in own?.Streams ?? EquatableArray<ResolvedPipeline>.Empty)
        {
            streamOwners[pipeline.Message.Type.Display] = hostAssembly;
        }

        var modules = new List<ModuleSpec>();
        foreach (var module in references.Modules)
        {
            modules.Add(module with
            {
                Requests = Claim(module.Requests, requestOwners, module.AssemblyName, "Request", diagnostics),
                Streams = Claim(module.Streams, streamOwners, module.AssemblyName, "Stream request", diagnostics),
            });
        }

        return new Composition(modules.ToEquatableArray(), Notifications(own, modules), diagnostics.ToEquatableArray());
    }

    /// <summary>The messages of a module that no earlier project handles; the others reported, naming both projects.</summary>
    private static EquatableArray<ModuleMessage> Claim(
        EquatableArray<ModuleMessage> messages,
        Dictionary<string, string> owners,
        string module,
        string kind,
        List<DiagnosticInfo> diagnostics)
    {
        var kept = new List<ModuleMessage>();
        foreach (var message in messages)
        {
            if (owners.TryGetValue(message.Type, out var owner))
            {
                if (owner != module)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandledInTwoProjects, null, kind, Plain(message.Type), owner, module));
                }

                continue;
            }

            owners[message.Type] = module;
            kept.Add(message);
        }

        return kept.ToEquatableArray();
    }

    /// <summary>
    /// Every notification type a typed <c>Publish</c> of the host takes: this project's and the modules' public ones; each
    /// goes to the modules that handle it or one of its supertypes (a handler of a base class receives subclasses).
    /// </summary>
    private static EquatableArray<ComposedNotification> Notifications(ResolvedPipelines? own, List<ModuleSpec> modules)
    {
        // A module whose notifications are all internal lists none, but Publish(object) must still reach them: the host's
        // Publish methods then fan out too (to this project, and to the modules through their ComposedPublishObject).
        if (!modules.Any(m => m.Notifications.Count > 0 || m.PublishesObjects))
        {
            return EquatableArray<ComposedNotification>.Empty;
        }

        var types = new SortedDictionary<string, (bool IsValueType, bool Here, IReadOnlyCollection<string> Supertypes, bool IsPublic)>(StringComparer.Ordinal);
        foreach (var pipeline in own?.Notifications ?? EquatableArray<ResolvedPipeline>.Empty)
        {
            types[pipeline.Message.Type.Display] = (pipeline.Message.IsValueType, true, pipeline.Message.Supertypes.Select(t => t.Display).ToList(), pipeline.Message.IsPublic);
        }

        foreach (var message in modules.SelectMany(m => m.Notifications))
        {
            if (!types.ContainsKey(message.Type))
            {
                types[message.Type] = (message.IsValueType, false, message.Supertypes.AsImmutableArray(), true);
            }
        }

        return types.Select(t => new ComposedNotification(
                t.Key,
                t.Value.IsValueType,
                t.Value.Here,
                modules.Select((m, i) => (m, i))
                    .Where(x => x.m.Notifications.Any(n => n.Type == t.Key || t.Value.Supertypes.Contains(n.Type)))
                    .Select(x => x.i)
                    .ToEquatableArray(),
                t.Value.IsPublic))
            .ToEquatableArray();
    }

    private static string Plain(string type) => type.StartsWith("global::", StringComparison.Ordinal) ? type.Substring("global::".Length) : type;
}
