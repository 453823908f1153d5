using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes the concrete <c>Mediator</c> class: one typed <c>Send</c> overload per request (the zero-overhead path),
/// the generic <c>ISender</c> methods (exact type tests, or above <see cref="TypeSwitch.ChainLimit"/> request types a
/// table lookup and a switch; no reflection), and the cache of singleton pipelines.
/// </summary>
internal static class MediatorEmitter
{
    public const string HintName = "Mediator.g.cs";

    public static string Emit(MediatorPlan plan)
    {
        var writer = Code.MediatorFile(plan);
        using (writer.Block("namespace " + plan.Mediator.Namespace))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The mediator compiled for this assembly: every message has a typed <c>Send</c>, <c>Publish</c> or <c>CreateStream</c> overload that calls its");
            writer.Line("/// middlewares and handler directly. Resolve it, or <c>global::Mediator.IMediator</c>, after <c>services.AddMediator()</c>.");
            writer.Line("/// </summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("public sealed partial class " + plan.Mediator.ClassName + " : global::Mediator.IMediator"))
            {
                writer.Line("private readonly " + Code.ServiceProvider + " _services;");
                writer.Line("private readonly PipelineCache _pipelines;");
                writer.Line();
                writer.Line("/// <summary>Creates the mediator over the current scope's services; <c>AddMediator()</c> registers this.</summary>");
                using (writer.Block("internal " + plan.Mediator.ClassName + "(" + Code.ServiceProvider + " services, PipelineCache pipelines)"))
                {
                    writer.Line("_services = services ?? throw new global::System.ArgumentNullException(\"services\");");
                    writer.Line("_pipelines = pipelines ?? throw new global::System.ArgumentNullException(\"pipelines\");");
                }

                foreach (var pipeline in TypedSends(plan))
                {
                    writer.Line();
                    WriteTypedSend(writer, pipeline);
                }

                // A request with several responses tests TResponse to reach the right one; the void Send reads the
                // generic Send's table, whose positions are every request type's.
                var requestTypes = plan.Pipelines.Select(p => p.Shape.MessageType).Distinct().ToList();
                writer.Line();
                GenericDispatchWriter.Write(writer, Send(ModuleFallback.Send(plan)), requestTypes, plan.Pipelines.Select(p => new DispatchTarget(p.Shape, p.GuardResponseType)).ToList());
                writer.Line();
                GenericDispatchWriter.Write(writer, VoidSend(ModuleFallback.SendVoid(plan)), requestTypes, plan.Pipelines.Where(p => p.IsVoid).Select(p => new DispatchTarget(p.Shape, TestsResult: false)).ToList());
                writer.Line();
                ObjectDispatch.WriteSend(writer, plan, DispatchState.Fields);
                writer.Line();
                WriteHelpers(writer, plan);
                writer.Line();
                WritePipelineCache(writer, plan);
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// The pipelines with a typed <c>Send</c> overload. A request with several responses has several pipelines but one
    /// typed overload (C# cannot overload on the return type): the void one, else the first by response; the generic Send
    /// reaches the others.
    /// </summary>
    public static IEnumerable<PipelinePlan> TypedSends(MediatorPlan plan)
        => plan.Pipelines.GroupBy(p => p.Shape.MessageType.Display).Select(g => g.OrderByDescending(p => p.IsVoid).First());

    private static void WriteTypedSend(SourceWriter writer, PipelinePlan pipeline)
    {
        var shape = pipeline.Shape;
        var request = shape.MessageType.Display;
        writer.Line("/// <summary>");
        writer.Line("/// Sends <c>" + Code.Doc(request) + "</c> through its compiled pipeline, outermost first:");
        writer.Line("/// " + Code.PipelineSummary(pipeline) + ".");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"request\">The request.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handler.</param>");
        var returns = pipeline.IsVoid ? Code.PlainValueTask : Code.ValueTask(shape.ResultType.Display);
        UsageEmitter.WriteOverloadMarks(writer, shape.SignatureUsage);
        writer.Line(Code.AggressiveInlining);
        using (writer.Block(Code.Accessibility(shape) + " " + returns + " Send(" + request + " request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!shape.IsValueType)
            {
                writer.Line("if (request is null) ThrowRequestNull();");
            }

            var invoke = Code.InvokePipeline(shape, "request");
            writer.Line("return " + (pipeline.IsVoid ? "global::Mediator.Internal.ValueTasks.ToVoid(" + invoke + ")" : invoke) + ";");
        }
    }

    /// <summary>The name of the request table, when the generic paths use one.</summary>
    public const string RequestIndex = "RequestTypes";

    /// <summary>
    /// <c>ISender.Send&lt;TResponse&gt;</c>. Its base-class tests have a method of their own, which keeps the common path
    /// small; a chosen pipeline's <c>ValueTask</c> of its own response is reinterpreted as the caller's.
    /// </summary>
    private static GenericDispatch Send(ModuleFallback? modules) => new(
        methodName: "Send",
        returnType: Code.ValueTask("TResponse"),
        typeParameters: "<TResponse>",
        message: ("global::Mediator.IRequest<TResponse>", "request"),
        resultParameter: "TResponse",
        indexName: RequestIndex)
    {
        IndexDescription = "request types",
        BaseTypeMethod = "SendToBaseType",
        // Unlike the others it has always read the type, even with no request types; kept, so the output is unchanged.
        ReadsTypeWithoutPipelines = true,
        CallStatements = WriteForwardToPipeline,
        Modules = modules,
    };

    /// <summary>
    /// <c>ISender.Send</c> of a void request: only void pipelines take it, through their typed overload. Its own choice of
    /// table or chain, by the number of void requests: a project with many requests but few void ones keeps the short
    /// chain here. With a table, it reads the generic Send's (no <see cref="GenericDispatch.IndexDescription"/>).
    /// </summary>
    private static GenericDispatch VoidSend(ModuleFallback? modules) => new(
        methodName: "Send",
        returnType: Code.PlainValueTask,
        typeParameters: string.Empty,
        message: ("global::Mediator.IRequest", "request"),
        resultParameter: null,
        indexName: RequestIndex)
    {
        HelperSuffix = "SendVoid",
        HelperOwner = "generic void <c>Send</c>'s",
        ForwardMethod = "ForwardVoid",
        Call = (pipeline, request) => "Send(" + request + ", cancellationToken)",
        Modules = modules,
    };

    /// <summary>Calls the pipeline with the request already cast, and reinterprets its task as <c>ValueTask&lt;TResponse&gt;</c>.</summary>
    private static void WriteForwardToPipeline(SourceWriter writer, MessageShape pipeline, string typedRequest, string because)
    {
        var task = Code.ValueTask(pipeline.ResultType.Display);
        writer.Line(task + " task = " + Code.InvokePipeline(pipeline, typedRequest) + ";");
        writer.Line("// " + because + " TResponse " + Code.Doc(pipeline.ResultType.Display) + ", so this reinterprets nothing.");
        writer.Line("return " + Code.Unsafe + ".As<" + task + ", " + Code.ValueTask("TResponse") + ">(ref task);");
    }

    private static void WriteHelpers(SourceWriter writer, MediatorPlan plan)
    {
        var mediator = plan.Mediator;
        writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        writer.Line("private static void ThrowRequestNull() => throw new global::System.ArgumentNullException(\"request\");");
        writer.Line();
        using (writer.Block("private static T Resolve<T>(" + Code.ServiceProvider + " services) where T : class"))
        {
            writer.Line("return services.GetService(typeof(T)) as T ?? throw new global::System.InvalidOperationException(");
            writer.Line("    \"The pipeline '\" + typeof(T).FullName + \"' is not registered: call services." + mediator.RegistrationMethod + "() when configuring services, and resolve the mediator from that container.\");");
        }

        if (Code.AllShapes(plan).Any(p => p.NeedsScope))
        {
            WriteInScope(writer);
        }
    }

    /// <summary>
    /// A pipeline with a scoped component, built from the root provider, would hold one instance of it for the life of
    /// the application (or fail under <c>ValidateScopes</c> with a message about the component, not the caller's mistake).
    /// The cache is a singleton whose factory was given the root provider, so comparing references tells them apart.
    /// </summary>
    private static void WriteInScope(SourceWriter writer)
    {
        writer.Line();
        writer.Line("/// <summary>The provider to build a pipeline with a scoped component from: the mediator's, unless it is the root.</summary>");
        writer.Line(Code.AggressiveInlining);
        using (writer.Block("private " + Code.ServiceProvider + " InScope(global::System.Type messageType)"))
        {
            writer.Line("if ((object)_services == (object)_pipelines.Root) ThrowScopeRequired(messageType);");
            writer.Line("return _services;");
        }

        writer.Line();
        writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        writer.Line("private static void ThrowScopeRequired(global::System.Type messageType) => throw new global::Mediator.ScopeRequiredException(messageType);");
    }

    /// <summary>
    /// The observer that request and stream pipelines built per dispatch report to: read once, on first use, from the root
    /// provider, as singleton pipelines and the notification pipelines' shared runtime read it, instead of a look-up on
    /// every dispatch. Read lazily so that an observer that itself needs the mediator does not recurse while the cache is
    /// built; the flag is written after the observer (volatile), so a thread that sees it set sees the observer.
    /// </summary>
    private static void WriteObserver(SourceWriter writer)
    {
        writer.Line();
        writer.Line("private " + Code.Observer + "? _observer;");
        writer.Line("private volatile bool _observerRead;");
        writer.Line();
        writer.Line("/// <summary>The registered dispatch observer, or null; read from the root provider on first use.</summary>");
        writer.Line("internal " + Code.Observer + "? Observer");
        writer.Line("{");
        writer.Line("    " + Code.AggressiveInlining);
        writer.Line("    get => _observerRead ? _observer : ReadObserver();");
        writer.Line("}");
        writer.Line();
        using (writer.Block("private " + Code.Observer + "? ReadObserver()"))
        {
            writer.Line("_observer = (" + Code.Observer + "?)_services.GetService(typeof(" + Code.Observer + "));");
            writer.Line("_observerRead = true;");
            writer.Line("return _observer;");
        }
    }

    private static void WritePipelineCache(SourceWriter writer, MediatorPlan plan)
    {
        writer.Line("/// <summary>Singleton pipelines, resolved on first use and kept for the life of the container" + (plan.Composed.Modules.Count > 0 ? ", and the pipeline caches of the modules this project references" : string.Empty) + ".</summary>");
        writer.Line(Code.GeneratedCode);
        // A module's cache is public (hidden, with internal members) so that a host can keep it typed and pass it to the
        // module's entry points: no cast from object, no lazy field, on a Send across modules.
        if (ModuleEmitter.IsModule(plan))
        {
            writer.Line(ModuleEmitter.Hidden);
        }

        using (writer.Block((ModuleEmitter.IsModule(plan) ? "public" : "internal") + " sealed class PipelineCache"))
        {
            writer.Line("private readonly " + Code.ServiceProvider + " _services;");
            var singletons = Code.AllShapes(plan)
                .Where(p => p.Lifetime == ServiceLifetimeKind.Singleton)
                .Select(p => p.ClassName)
                .ToList();
            foreach (var className in singletons)
            {
                writer.Line("private " + className + "? " + Code.FieldName(className) + ";");
            }

            Composer.WriteModuleCacheFields(writer, plan);
            writer.Line();
            var assignServices = "_services = services ?? throw new global::System.ArgumentNullException(\"services\");";
            if (plan.Composed.Modules.Count == 0)
            {
                writer.Line("internal PipelineCache(" + Code.ServiceProvider + " services) => " + assignServices);
            }
            else
            {
                using (writer.Block("internal PipelineCache(" + Code.ServiceProvider + " services)"))
                {
                    writer.Line(assignServices);
                    Composer.WriteModuleCacheResolution(writer, plan);
                }
            }

            // Fire-and-forget publishes open their scope from it, and report their failures through it.
            if (Code.AllShapes(plan).Any(p => p.NeedsScope) || plan.Notifications.Any(n => n.Kind == PublishStrategyKind.FireAndForget))
            {
                writer.Line();
                writer.Line("/// <summary>The root provider: singletons' factories are given it, and a mediator resolved outside any scope holds it.</summary>");
                writer.Line("internal " + Code.ServiceProvider + " Root => _services;");
            }

            if (PipelineConstruction.NeedsCachedObserver(plan))
            {
                WriteObserver(writer);
            }

            foreach (var className in singletons)
            {
                writer.Line();
                writer.Line("internal " + className + " " + className);
                writer.Line("{");
                writer.Line("    " + Code.AggressiveInlining);
                writer.Line("    get => " + Code.FieldName(className) + " ?? (" + Code.FieldName(className) + " = Resolve<" + className + ">(_services));");
                writer.Line("}");
            }
        }
    }
}
