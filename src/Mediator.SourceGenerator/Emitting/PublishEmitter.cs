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
            writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
            writer.Line("private static void ThrowNotificationNull() => throw new global::System.ArgumentNullException(\"notification\");");
        }

        return writer.ToString();
    }

    private static void WriteTypedPublish(SourceWriter writer, NotificationPlan pipeline, string name)
    {
        var shape = pipeline.Shape;
        writer.Line("/// <summary>");
        writer.Line("/// Publishes <c>" + Code.Doc(shape.MessageType.Display) + "</c> to " + pipeline.Handlers.Count + " handler(s), " + (pipeline.Strategy == PublishStrategyKind.Concurrent ? "concurrently" : "one after the other") + ":");
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
        writer.Line("/// <exception cref=\"global::Mediator.PublishException\">One or more handlers failed; the others still ran.</exception>");
        UsageEmitter.WriteOverloadMarks(writer, shape.SignatureUsage);
        var accessibility = name == "Publish" ? Code.Accessibility(shape) : "private";
        using (writer.Block(accessibility + " global::System.Threading.Tasks.ValueTask " + name + "(" + shape.MessageType.Display + " notification, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!shape.IsValueType)
            {
                writer.Line("if (notification is null) ThrowNotificationNull();");
            }

            writer.Line("return " + Code.InvokePipeline(shape, "notification") + ";");
        }
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
        indexName: "NotificationTypes")
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
