using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// The dispatch of a message typed <c>object</c> (issue 19): the mediator's <c>Send(object)</c>, <c>CreateStream(object)</c>
/// and <c>Publish(object)</c>, and a module's static twins of them (<c>ComposedSendObject</c>, ...), which a host calls
/// for the module's messages it cannot name (internal ones). All of them are <see cref="GenericDispatchWriter"/>'s
/// dispatch, over the same type tests or table as the generic methods, with the one pipeline each message type has a
/// typed overload for; only the call of the chosen pipeline (its answer boxed, its stream of <c>object</c>) and what
/// happens when none takes the message differ.
/// </summary>
internal static class ObjectDispatch
{
    /// <summary>A module's static twin of <c>Send(object)</c>: the answer, or null when none of the module's request pipelines takes the message.</summary>
    public const string ComposedSendObject = "ComposedSendObject";

    /// <summary>A module's static twin of <c>CreateStream(object)</c>: the stream, or null when none of its stream pipelines takes the message.</summary>
    public const string ComposedCreateStreamObject = "ComposedCreateStreamObject";

    /// <summary>A module's static twin of <c>Publish(object)</c>: publishes to the module's handlers of the message's type or of its nearest handled base class; nothing when it has none.</summary>
    public const string ComposedPublishObject = "ComposedPublishObject";

    /// <summary>
    /// Writes <c>Send(object)</c> (over the mediator's fields) or, over <see cref="DispatchState.Parameters"/>, the module's
    /// <see cref="ComposedSendObject"/>. A request type with several responses is sent through the pipeline of its typed
    /// overload: the void one, else the first by response (<see cref="MediatorEmitter.TypedSends"/>).
    /// </summary>
    public static void WriteSend(SourceWriter writer, MediatorPlan plan, DispatchState state)
    {
        var module = state.IsStatic;
        var dispatch = new GenericDispatch(
            methodName: module ? ComposedSendObject : "Send",
            returnType: Code.ObjectTask + (module ? "?" : string.Empty),
            typeParameters: string.Empty,
            message: ("object", "request"),
            resultParameter: null,
            indexName: MediatorEmitter.RequestIndex)
        {
            HelperSuffix = module ? ComposedSendObject : "SendObject",
            HelperOwner = module ? "module entry <c>" + ComposedSendObject + "</c>'s" : "<c>Send(object)</c>'s",
            ForwardMethod = "ForwardObject",
            Call = (pipeline, request) => Code.DynamicDispatch + ".ToObject(" + Code.InvokePipeline(pipeline, request, state) + ")",
            CallOnNextLine = true,
            State = state,
            Documentation = module ? w => WriteEntryDocumentation(w, "Send(object)", "The answer, boxed (a void request's is Unit), or null when none of this project's request pipelines takes it") : null,
            Modules = module ? null : ModuleFallback.SendObject(plan),
            NotFound = module
                ? w => w.Line("return null;")
                : w =>
                {
                    Composer.WriteObjectEntries(w, plan, ComposedSendObject, m => m.SendsObjects);
                    w.Line("throw " + Code.DynamicDispatch + ".NotDispatched(request, \"Send\");");
                },
        };
        var types = plan.Pipelines.Select(p => p.Shape.MessageType).Distinct().ToList();
        var targets = MediatorEmitter.TypedSends(plan).Select(p => new DispatchTarget(p.Shape, TestsResult: false)).ToList();
        GenericDispatchWriter.Write(writer, dispatch, types, targets);
    }

    /// <summary>
    /// Writes <c>CreateStream(object)</c> or the module's <see cref="ComposedCreateStreamObject"/>. A stream request type
    /// with several item types opens the pipeline of its typed overload (<see cref="StreamEmitter.TypedStreams"/>).
    /// </summary>
    public static void WriteCreateStream(SourceWriter writer, MediatorPlan plan, DispatchState state)
    {
        var module = state.IsStatic;
        var dispatch = new GenericDispatch(
            methodName: module ? ComposedCreateStreamObject : "CreateStream",
            returnType: Code.ObjectStream + (module ? "?" : string.Empty),
            typeParameters: string.Empty,
            message: ("object", "request"),
            resultParameter: null,
            indexName: StreamEmitter.StreamIndex)
        {
            HelperSuffix = module ? ComposedCreateStreamObject : "CreateStreamObject",
            HelperOwner = module ? "module entry <c>" + ComposedCreateStreamObject + "</c>'s" : "<c>CreateStream(object)</c>'s",
            ForwardMethod = "ForwardObject",
            Call = (pipeline, request) => Code.DynamicDispatch + ".ToObjects(" + Code.InvokePipeline(pipeline, request, state) + ")",
            CallOnNextLine = true,
            State = state,
            Documentation = module ? w => WriteEntryDocumentation(w, "CreateStream(object)", "The stream, or null when none of this project's stream pipelines takes it") : null,
            Modules = module ? null : ModuleFallback.CreateStreamObject(plan),
            NotFound = module
                ? w => w.Line("return null;")
                : w =>
                {
                    Composer.WriteObjectEntries(w, plan, ComposedCreateStreamObject, m => m.StreamsObjects);
                    w.Line("throw " + Code.DynamicDispatch + ".NotDispatched(request, \"CreateStream\");");
                },
        };
        var types = plan.Streams.Select(p => p.Shape.MessageType).Distinct().ToList();
        var targets = StreamEmitter.TypedStreams(plan).Select(p => new DispatchTarget(p.Shape, TestsResult: false)).ToList();
        GenericDispatchWriter.Write(writer, dispatch, types, targets);
    }

    /// <summary>
    /// Writes <c>Publish(object)</c> under <paramref name="name"/> (<c>PublishHere</c> in a host, whose public one the
    /// <see cref="Composer"/> writes) or the module's <see cref="ComposedPublishObject"/>. The chosen pipeline is called as
    /// its typed overload calls it (a fire-and-forget one handed to the runtime); an object that is no notification throws
    /// <c>NotAMessageException</c>, a notification nobody handles completes at once.
    /// </summary>
    public static void WritePublish(SourceWriter writer, MediatorPlan plan, DispatchState state, string name)
    {
        var module = state.IsStatic;
        var plans = plan.Notifications.ToDictionary(p => p.Shape.ClassName, StringComparer.Ordinal);
        var dispatch = new GenericDispatch(
            methodName: module ? ComposedPublishObject : name,
            returnType: Code.PlainValueTask,
            typeParameters: string.Empty,
            message: ("object", "notification"),
            resultParameter: null,
            indexName: PublishEmitter.NotificationIndex)
        {
            Accessibility = module || name == "Publish" ? "public" : "private",
            HelperSuffix = module ? ComposedPublishObject : "PublishObject",
            HelperOwner = module ? "module entry <c>" + ComposedPublishObject + "</c>'s" : "<c>Publish(object)</c>'s",
            Call = (pipeline, notification) => plans[pipeline.ClassName].Kind == PublishStrategyKind.FireAndForget
                ? PublishEmitter.FireAndForgetCall(plans[pipeline.ClassName], state, notification)
                : Code.InvokePipeline(pipeline, notification, state),
            CallOnNextLine = true,
            State = state,
            Documentation = module ? w => WriteEntryDocumentation(w, "Publish(object)", "What the publish returns; a completed task when none of this project's notification pipelines takes it") : null,
            NotFound = module
                ? w =>
                {
                    w.Line("// None of this project's handlers takes it: nothing to publish here.");
                    w.Line("return default;");
                }
                : w =>
                {
                    w.Line("// No handler was compiled for this type or any of its base classes: publishing it does nothing.");
                    w.Line("if (notification is global::Mediator.INotification) return default;");
                    w.Line("throw " + Code.DynamicDispatch + ".NotANotification(notification);");
                },
        };
        var types = plan.Notifications.Select(p => p.Shape.MessageType).ToList();
        var targets = plan.Notifications.Select(p => new DispatchTarget(p.Shape, TestsResult: false)).ToList();
        GenericDispatchWriter.Write(writer, dispatch, types, targets);
    }

    /// <summary>The doc comment and attributes of a module's entry point that takes an <c>object</c>.</summary>
    private static void WriteEntryDocumentation(SourceWriter writer, string twin, string returns)
    {
        writer.Line("/// <summary>");
        writer.Line("/// What <c>" + twin + "</c> does for this project's messages, internal ones included, over a host mediator's services and");
        writer.Line("/// this project's cache: the host calls it for a message of a type it cannot name.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The host mediator's services.</param>");
        writer.Line("/// <param name=\"pipelines\">What <see cref=\"" + ModuleEmitter.ComposedPipelines + "\"/> returned for that container.</param>");
        writer.Line("/// <param name=\"" + (twin.StartsWith("Publish", StringComparison.Ordinal) ? "notification" : "request") + "\">The message, not null.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handler(s).</param>");
        writer.Line("/// <returns>" + returns + ".</returns>");
        writer.Line(ModuleEmitter.Hidden);
    }
}
