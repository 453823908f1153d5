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

    /// <summary>The module's hidden static entry points, one per public typed overload, that a host's mediator calls.</summary>
    public const string ComposedSend = "ComposedSend";

    /// <inheritdoc cref="ComposedSend"/>
    public const string ComposedPublish = "ComposedPublish";

    /// <inheritdoc cref="ComposedSend"/>
    public const string ComposedCreateStream = "ComposedCreateStream";

    /// <summary>The entry points' scope check, <c>InScope</c> over their parameters.</summary>
    public const string ComposedInScope = "ComposedInScope";

    /// <summary>Hides a member or type that only a host's generated code calls from IntelliSense.</summary>
    public const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

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

            // A host's mediator is transient: creating this module's mediator for each of them cost an object per host
            // mediator. The host keeps this module's cache in its own (one lookup per container) and calls the static
            // entry points below over its own services, which keeps the scope check (ComposedInScope).
            writer.Line();
            writer.Line("/// <summary>This project's pipeline cache in the container of <paramref name=\"services\"/>, or null if <c>" + RegisterModule + "</c> did not run there. For a host's generated cache, which resolves it once, when it is built, and keeps it.</summary>");
            writer.Line("/// <param name=\"services\">The container's root services.</param>");
            writer.Line(Hidden);
            writer.Line("public static PipelineCache? " + ComposedPipelines + "(" + Code.ServiceProvider + " services) => (PipelineCache?)services.GetService(typeof(PipelineCache));");
            WriteEntryPoints(writer, plan);
        }

        return writer.ToString();
    }

    /// <summary>
    /// A static twin of each public typed overload, over a host mediator's services (the scope it was resolved in) and
    /// this project's cache from <see cref="ComposedPipelines"/>: the host calls these instead of creating this project's
    /// mediator, so a host mediator resolved per operation allocates nothing more than a one-project one. The cache comes
    /// typed (the class is public, hidden, for this): the host passes the field it filled when its cache was built, and
    /// the entry point reads the pipeline from it with no null test or type check.
    /// </summary>
    private static void WriteEntryPoints(SourceWriter writer, MediatorPlan plan)
    {
        var state = DispatchState.Parameters;
        foreach (var pipeline in MediatorEmitter.TypedSends(plan).Where(p => p.Shape.IsPublic))
        {
            var shape = pipeline.Shape;
            var invoke = Code.InvokePipeline(shape, "request", state);
            WriteEntryPoint(writer, pipeline.IsVoid ? Code.PlainValueTask : Code.ValueTask(shape.ResultType.Display), ComposedSend, shape, "request", "ThrowRequestNull",
                pipeline.IsVoid ? "global::Mediator.Internal.ValueTasks.ToVoid(" + invoke + ")" : invoke);
        }

        foreach (var pipeline in plan.Notifications.Where(p => p.Shape.IsPublic))
        {
            var publish = pipeline.Kind == PublishStrategyKind.FireAndForget
                ? PublishEmitter.FireAndForgetCall(pipeline, state)
                : Code.InvokePipeline(pipeline.Shape, "notification", state);
            WriteEntryPoint(writer, Code.PlainValueTask, ComposedPublish, pipeline.Shape, "notification", "ThrowNotificationNull", publish);
        }

        foreach (var pipeline in StreamEmitter.TypedStreams(plan).Where(p => p.Shape.IsPublic))
        {
            WriteEntryPoint(writer, StreamEmitter.Stream(pipeline.Shape.ResultType.Display), ComposedCreateStream, pipeline.Shape, "request", "ThrowRequestNull", Code.InvokePipeline(pipeline.Shape, "request", state));
        }

        // The entry points that take an object reach every pipeline, internal ones included.
        if (plan.Pipelines.Count > 0)
        {
            writer.Line();
            ObjectDispatch.WriteSend(writer, plan, state);
        }

        if (plan.Notifications.Count > 0)
        {
            writer.Line();
            ObjectDispatch.WritePublish(writer, plan, state, ObjectDispatch.ComposedPublishObject);
        }

        if (plan.Streams.Count > 0)
        {
            writer.Line();
            ObjectDispatch.WriteCreateStream(writer, plan, state);
        }

        if (Code.AllShapes(plan).Any(p => p.NeedsScope))
        {
            writer.Line();
            writer.Line("/// <summary>The provider to build a pipeline with a scoped component from: the host mediator's, unless it is the root.</summary>");
            writer.Line(Code.AggressiveInlining);
            using (writer.Block("private static " + Code.ServiceProvider + " " + ComposedInScope + "(" + Code.ServiceProvider + " services, PipelineCache pipelines, global::System.Type messageType)"))
            {
                writer.Line("if ((object)services == (object)pipelines.Root) ThrowScopeRequired(messageType);");
                writer.Line("return services;");
            }
        }
    }

    private static void WriteEntryPoint(SourceWriter writer, string returns, string name, MessageShape shape, string message, string throwNull, string call)
    {
        writer.Line();
        writer.Line("/// <summary>What <c>" + name.Substring("Composed".Length) + "(" + Code.Doc(shape.MessageType.Display) + ")</c> does, over a host mediator's services and this project's cache.</summary>");
        writer.Line("/// <param name=\"services\">The host mediator's services.</param>");
        writer.Line("/// <param name=\"pipelines\">What <see cref=\"" + ComposedPipelines + "\"/> returned for that container.</param>");
        writer.Line("/// <param name=\"" + message + "\">The message.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handler(s).</param>");
        writer.Line(Hidden);
        UsageEmitter.WriteOverloadMarks(writer, shape.SignatureUsage);
        writer.Line(Code.AggressiveInlining);
        using (writer.Block("public static " + returns + " " + name + "(" + Code.ServiceProvider + " services, PipelineCache pipelines, " + shape.MessageType.Display + " " + message + ", " + Code.CancellationToken + " cancellationToken)"))
        {
            if (!shape.IsValueType)
            {
                writer.Line("if (" + message + " is null) " + throwNull + "();");
            }

            writer.Line("return " + call + ";");
        }
    }
}
