using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes the mediator's <c>Publish</c> methods: one typed overload per notification type, and the generic
/// <c>IPublisher.Publish</c> (exact type tests, or a table lookup and a switch above <see cref="TypeSwitch.ChainLimit"/>
/// types; then base classes deepest first; a type nobody handles completes at once).
/// </summary>
internal static class PublishEmitter
{
    public const string HintName = "Mediator.Publish.g.cs";

    /// <summary>The name of the notification table, when the generic paths use one.</summary>
    public const string NotificationIndex = "NotificationTypes";

    public static string Emit(MediatorPlan plan)
    {
        var writer = Code.MediatorFile(plan);
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            // In a host whose modules handle notifications, these reach this project's handlers only, under another name;
            // the public Publish methods (Composer) call them and the modules'.
            var name = plan.Composed.ComposesNotifications ? Composer.PublishHere : "Publish";
            foreach (var pipeline in plan.Notifications)
            {
                WriteTypedPublish(writer, pipeline, name);
                writer.Line();
            }

            var types = plan.Notifications.Select(p => p.Shape.MessageType).ToList();
            GenericDispatchWriter.Write(writer, Publish(name), types, plan.Notifications.Select(p => new DispatchTarget(p.Shape, TestsResult: false)).ToList());
            writer.Line();
            ObjectDispatch.WritePublish(writer, plan, DispatchState.Fields, name);
            writer.Line();
            writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
            writer.Line("private static void ThrowNotificationNull() => throw new global::System.ArgumentNullException(\"notification\");");
        }

        return writer.ToString();
    }

    private static void WriteTypedPublish(SourceWriter writer, NotificationPlan pipeline, string name)
    {
        var shape = pipeline.Shape;
        writer.Line("/// <summary>");
        writer.Line("/// Publishes <c>" + Code.Doc(shape.MessageType.Display) + "</c> to " + pipeline.Handlers.Count + " handler(s), " + HowHandlersRun(pipeline) + ":");
        writer.Line("/// " + string.Join(", ", pipeline.Handlers.Select(h => Code.Doc(h.HandlerType))) + ".");
        writer.Line("/// Publish-side middleware: " + (pipeline.PublishSteps.Count == 0 ? "none" : string.Join(" -> ", pipeline.PublishSteps.Select(s => Code.Doc(Code.Describe(s))))) + ".");
        writer.Line("/// Around each handler: " + (pipeline.HandlerSteps.Count == 0 ? "none" : string.Join(" -> ", pipeline.HandlerSteps.Select(s => Code.Doc(Code.Describe(s))))) + ".");
        foreach (var handler in pipeline.Handlers.Where(h => h.Steps.Count > 0))
        {
            writer.Line("/// Then around " + Code.Doc(handler.HandlerType) + " only: " + string.Join(" -> ", handler.Steps.Select(s => Code.Doc(Code.Describe(s)))) + ".");
        }

        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"notification\">The notification.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handlers.</param>");
        writer.Line(FailureDoc(pipeline));
        UsageEmitter.WriteOverloadMarks(writer, shape.SignatureUsage);
        var accessibility = name == "Publish" ? Code.Accessibility(shape) : "private";
        using (writer.Block(accessibility + " global::System.Threading.Tasks.ValueTask " + name + "(" + shape.MessageType.Display + " notification, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!shape.IsValueType)
            {
                writer.Line("if (notification is null) ThrowNotificationNull();");
            }

            if (pipeline.Kind == PublishStrategyKind.FireAndForget)
            {
                WriteFireAndForget(writer, pipeline);
                return;
            }

            writer.Line("return " + Code.InvokePipeline(shape, "notification") + ";");
        }
    }

    private static string HowHandlersRun(NotificationPlan pipeline) => pipeline.Kind switch
    {
        PublishStrategyKind.Concurrent => "concurrently",
        PublishStrategyKind.StopOnFirstFailure => "one after the other until one fails",
        PublishStrategyKind.FireAndForget => "in the background, one after the other, without waiting for them",
        PublishStrategyKind.Custom => "as " + Code.Doc(pipeline.Strategy.CustomType!) + " decides",
        _ => "one after the other",
    };

    private static string FailureDoc(NotificationPlan pipeline)
    {
        const string Open = "/// <exception cref=\"global::Mediator.PublishException\">";
        return pipeline.Kind switch
        {
            PublishStrategyKind.FireAndForget => "/// <remarks>Never throws for a handler's failure: each goes to the dead-letter sink, or is logged (docs/publish-and-streams.md).</remarks>",
            PublishStrategyKind.Custom => "/// <remarks>What a failure throws is the strategy's to decide.</remarks>",
            PublishStrategyKind.StopOnFirstFailure => pipeline.Failures == PublishFailureKind.Original
                ? "/// <remarks>The first handler that fails ends the publish; its own exception is rethrown.</remarks>"
                : Open + "A handler failed; the handlers after it did not run.</exception>",
            _ => pipeline.Failures == PublishFailureKind.Original
                ? Open + "Two or more handlers failed (a single failure is rethrown as itself); the others still ran.</exception>"
                : Open + "One or more handlers failed; the others still ran.</exception>",
        };
    }

    /// <summary>
    /// A fire-and-forget publish: hands the pipeline to the runtime, which runs it on the thread pool and reports its
    /// failures, and returns at once. A pipeline with a scoped or transient component is built in a scope the runtime
    /// opens from the root provider for this publish alone (the caller's may be disposed before the handlers run); the
    /// handlers get no cancellation token, as the caller has moved on. The lambdas capture nothing: one cached delegate each.
    /// </summary>
    private static void WriteFireAndForget(SourceWriter writer, NotificationPlan pipeline)
    {
        writer.Line("// Fire-and-forget: runs in the background, with no token (the caller has moved on); failures go to the sink or the log.");
        writer.Line("return " + FireAndForgetCall(pipeline, DispatchState.Fields) + ";");
    }

    /// <summary>
    /// The expression that starts a fire-and-forget publish of <paramref name="notification"/> (an expression of the
    /// notification's type), reading the pipeline cache from <paramref name="state"/>: the mediator's field, or a module
    /// entry point's parameter (a host publishing a module's fire-and-forget notification must not run it in the caller's
    /// scope and await it).
    /// </summary>
    public static string FireAndForgetCall(NotificationPlan pipeline, DispatchState state, string notification = "notification")
    {
        var shape = pipeline.Shape;
        var context = "new " + Code.MessageContext + "(typeof(" + shape.MessageType.TypeOfOperand + "), default(" + Code.CancellationToken + "))";
        const string Runner = "global::Mediator.Publishing.FireAndForgetPublish";
        return PipelineConstruction.IsBuiltPerDispatch(shape)
            ? Runner + ".StartInScope(" + notification + ", " + state.Pipelines + ".Root, (scopedServices, published) => "
                + shape.ClassName + ".Create(scopedServices).InvokeAsync(published, " + context + "))"
            : Runner + ".Start(" + state.Pipelines + "." + shape.ClassName + ", " + notification + ", " + state.Pipelines + ".Root, (pipeline, published) => pipeline.InvokeAsync(published, " + context + "))";
    }

    /// <summary>
    /// <c>IPublisher.Publish&lt;TNotification&gt;</c>: a notification goes through its typed overload; one whose type
    /// nobody handles completes at once.
    /// </summary>
    /// <summary>
    /// The runtime type of the generic <c>Publish</c>'s notification. A struct's runtime type is its static type: asking the
    /// value would box it (the JIT folds <c>IsValueType</c> of a type argument, so each instantiation keeps one side).
    /// </summary>
    public const string RuntimeType = "typeof(TNotification).IsValueType ? typeof(TNotification) : notification.GetType()";

    /// <summary>As <see cref="RuntimeType"/>, its handle, for a table: <c>Type.GetTypeHandle</c> would box a struct too.</summary>
    public const string RuntimeTypeHandle = "typeof(TNotification).IsValueType ? typeof(TNotification).TypeHandle : global::System.Type.GetTypeHandle(notification)";

    private static GenericDispatch Publish(string name) => new(
        methodName: name,
        returnType: Code.PlainValueTask,
        typeParameters: "<TNotification>",
        message: ("TNotification", "notification"),
        resultParameter: null,
        indexName: NotificationIndex)
    {
        Constraint = "where TNotification : global::Mediator.INotification",
        IndexDescription = "notification types with handlers",
        HelperNote = " (the caller has checked for null)",
        // The helper's parameter is an unconstrained TNotification, whose null state the caller's check does not carry.
        HelperArgument = "notification!",
        // A struct's runtime type is its static type: asking the value would box it, and so would Type.GetTypeHandle for
        // the table (the JIT folds IsValueType of a type argument, so each instantiation keeps one side).
        RuntimeType = RuntimeType,
        RuntimeTypeHandle = RuntimeTypeHandle,
        Accessibility = name == "Publish" ? "public" : "private",
        Call = (pipeline, notification) => name + "(" + notification + ", cancellationToken)",
        NotFound = writer =>
        {
            writer.Line("// No handler was compiled for this type or any of its base classes: publishing it does nothing.");
            writer.Line("return default;");
        },
    };
}
