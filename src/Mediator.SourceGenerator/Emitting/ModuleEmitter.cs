using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes what makes a project with handlers a module that other projects compose (<c>Mediator.Module.g.cs</c>): the
/// assembly attribute that names its mediator, found by a host's generator in metadata, and <c>RegisterModule</c>, the
/// public entry a host's <c>AddMediator()</c> calls to register this project's pipelines, handlers and middleware
/// (internal ones included: only code of this assembly names them).
/// </summary>
internal static class ModuleEmitter
{
    public const string HintName = "Mediator.Module.g.cs";

    /// <summary>The module's registration method, on its mediator class.</summary>
    public const string RegisterModule = "RegisterModule";

    /// <summary>The module's hidden static method that finds its pipeline cache in a container, for a host's cache to keep.</summary>
    public const string ComposedPipelines = "ComposedPipelines";

    /// <summary>The module's hidden static factory of its mediator over a host mediator's services and the module's cache.</summary>
    public const string ComposedMediator = "ComposedMediator";

    public static bool IsModule(MediatorPlan plan)
        => plan.EmitServiceCollection && plan.Pipelines.Count + plan.Notifications.Count + plan.Streams.Count > 0;

    public static string Emit(MediatorPlan plan)
    {
        var writer = Code.MediatorFile(plan);
        writer.Line("[assembly: global::Mediator.Internal.MediatorModule"
            + "(typeof(" + plan.Mediator.FullName + "), " + ModuleReader.ContractVersion + ")]");
        writer.Line();
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            writer.Line("/// <summary>");
            writer.Line("/// Registers this project's pipelines, handlers, middleware and mediator class for a project that references it (its");
            writer.Line("/// generated <c>AddMediator()</c> calls this). Not <c>IMediator</c>: that is the referencing project's mediator.");
            writer.Line("/// </summary>");
            writer.Line("/// <param name=\"services\">The service collection.</param>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            using (writer.Block("public static void " + RegisterModule + "(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)"))
            {
                ServiceCollectionEmitter.WriteRegistrations(writer, plan, "global::" + MediatorName.RegistrationNamespace + "." + plan.Mediator.RegistrationClass + ".GetServiceOr", asInterfaces: false);
            }

            // A host's mediator is transient: resolving this module's mediator from the container for each of them cost a
            // lookup and an object per host mediator. The host keeps this module's cache in its own (one lookup per
            // container) and builds this mediator over its own services, which keeps the scope check (ResolveInScope).
            writer.Line();
            writer.Line("/// <summary>This project's pipeline cache in the container of <paramref name=\"services\"/>, or null if <c>" + RegisterModule + "</c> did not run there; an <c>object</c>, as its class is internal. For a host's generated cache, which keeps it.</summary>");
            writer.Line("/// <param name=\"services\">The container's root services.</param>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Line("public static object? " + ComposedPipelines + "(" + Code.ServiceProvider + " services) => services.GetService(typeof(PipelineCache));");
            writer.Line();
            writer.Line("/// <summary>This project's mediator over a host mediator's services (the scope it was resolved in) and this project's cache from <see cref=\"" + ComposedPipelines + "\"/>.</summary>");
            writer.Line("/// <param name=\"services\">The host mediator's services.</param>");
            writer.Line("/// <param name=\"pipelines\">What <see cref=\"" + ComposedPipelines + "\"/> returned for that container.</param>");
            writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
            writer.Line("public static " + plan.Mediator.ClassName + " " + ComposedMediator + "(" + Code.ServiceProvider + " services, object pipelines) => new " + plan.Mediator.ClassName + "(services, (PipelineCache)pipelines);");
        }

        return writer.ToString();
    }
}
