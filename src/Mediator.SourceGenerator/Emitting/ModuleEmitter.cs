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
        }

        return writer.ToString();
    }
}
