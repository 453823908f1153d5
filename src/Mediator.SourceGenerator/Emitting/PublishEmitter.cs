using System.Linq;
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
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        UsageEmitter.WriteSuppressions(writer, Code.AllUsage(plan), Code.HasObsoleteContexts(plan));
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            foreach (var pipeline in plan.Notifications)
            {
                WriteTypedPublish(writer, pipeline);
                writer.Line();
            }

            WriteGenericPublish(writer, plan);
        }

        return writer.ToString();
    }

    private static void WriteTypedPublish(SourceWriter writer, NotificationPlan pipeline)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Publishes <c>" + Code.Doc(pipeline.NotificationType.Display) + "</c> to " + pipeline.Handlers.Count + " handler(s), " + (pipeline.Strategy == PublishStrategyKind.Concurrent ? "concurrently" : "one after the other") + ":");
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
        var access = pipeline.IsPublic ? "public" : "internal";
        UsageEmitter.WriteOverloadMarks(writer, pipeline.SignatureUsage);
        using (writer.Block(access + " global::System.Threading.Tasks.ValueTask Publish(" + pipeline.NotificationType.Display + " notification, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!pipeline.IsValueType)
            {
                writer.Line("if (notification is null) ThrowNotificationNull();");
            }

            writer.Line("return " + MediatorEmitter.PipelineInstance(pipeline.ClassName, pipeline.Lifetime)
                + ".InvokeAsync(notification, new " + Code.MessageContext + "(typeof(" + pipeline.NotificationType.TypeOfOperand + "), cancellationToken));");
        }
    }

    private const string NotificationIndex = "NotificationTypes";

    /// <summary>A pipeline in an obsolete context (<see cref="UsageEmitter"/>): named by its class only.</summary>
    private static bool InObsoleteContext(NotificationPlan pipeline) => pipeline.Usage.NeedObsoleteContext();

    private static string TypeOf(NotificationPlan pipeline)
        => InObsoleteContext(pipeline) ? pipeline.ClassName + ".MessageType" : "typeof(" + pipeline.NotificationType.TypeOfOperand + ")";

    private static string Forward(NotificationPlan pipeline, string notification)
        => pipeline.ClassName + ".Forward(" + MediatorEmitter.PipelineInstance(pipeline.ClassName, pipeline.Lifetime) + ", " + notification + ", cancellationToken)";

    /// <summary>The generic <c>Publish</c>'s way into a pipeline (a suffix, for the reason given at <c>MediatorEmitter.GenericHelper</c>).</summary>
    private static string Helper(NotificationPlan pipeline) => pipeline.ClassName + "Publish";

    /// <summary>
    /// The notification's runtime type. A struct's is its static type: asking the value would box it (the JIT folds
    /// <c>IsValueType</c> of a type argument, so each instantiation keeps one side).
    /// </summary>
    private const string RuntimeType = "typeof(TNotification).IsValueType ? typeof(TNotification) : notification.GetType()";

    /// <summary>The same as a handle, for the table (<c>Type.GetTypeHandle</c> of a struct would box it too).</summary>
    private static readonly string RuntimeTypeHandle = "typeof(TNotification).IsValueType ? typeof(TNotification).TypeHandle : " + TypeSwitch.HandleOf("notification");

    private static void WriteGenericPublish(SourceWriter writer, MediatorPlan plan)
    {
        var types = plan.Notifications.Select(p => p.NotificationType).ToList();
        var table = TypeSwitch.UsesTable(types.Count);
        if (table)
        {
            TypeSwitch.WriteIndex(writer, NotificationIndex, plan.Notifications.Select(TypeOf).ToList(), "notification types with handlers");
            writer.Line();
        }

        writer.Line("/// <inheritdoc />");
        writer.Line("public global::System.Threading.Tasks.ValueTask Publish<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken = default)");
        using (writer.Block("    where TNotification : global::Mediator.INotification"))
        {
            writer.Line("if (notification is null) ThrowNotificationNull();");
            if (table)
            {
                TypeSwitch.WriteSwitch(writer, NotificationIndex, RuntimeTypeHandle, TypeSwitch.All(types), (w, i) =>
                {
                    w.Line("return " + Helper(plan.Notifications[i]) + "(notification, cancellationToken);");
                    return true;
                });
            }
            else
            {
                if (plan.Notifications.Count > 0)
                {
                    writer.Line("global::System.Type type = " + RuntimeType + ";");
                }

                foreach (var pipeline in plan.Notifications)
                {
                    writer.Line("if (type == " + TypeOf(pipeline) + ") return " + (InObsoleteContext(pipeline)
                        ? Forward(pipeline, "notification")
                        : "Publish(" + MediatorEmitter.Cast(pipeline.NotificationType.Display, pipeline.IsValueType, "notification") + ", cancellationToken)") + ";");
                }
            }

            var index = 0;
            foreach (var pipeline in Code.DeepestFirst(plan.Notifications, p => p.CanBeDerived, p => p.InheritanceDepth, p => p.NotificationType.Display))
            {
                if (InObsoleteContext(pipeline))
                {
                    writer.Line("if (" + pipeline.ClassName + ".IsInstance(notification)) return " + Forward(pipeline, "notification") + ";");
                    continue;
                }

                if (table)
                {
                    writer.Line("if (notification is " + pipeline.NotificationType.Display + ") return " + Helper(pipeline) + "(notification, cancellationToken);");
                    continue;
                }

                var name = "n" + index++;
                writer.Line("if (notification is " + pipeline.NotificationType.Display + " " + name + ") return Publish(" + name + ", cancellationToken);");
            }

            writer.Line("// No handler was compiled for this type or any of its base classes: publishing it does nothing.");
            writer.Line("return default;");
        }

        if (table)
        {
            foreach (var pipeline in plan.Notifications)
            {
                writer.Line();
                writer.Line("/// <summary>The generic <c>Publish</c>'s way into <c>" + pipeline.ClassName + "</c> (the caller has checked for null), out of line so that the dispatching method stays small.</summary>");
                writer.Line(TypeSwitch.NoInlining);
                writer.Line("private global::System.Threading.Tasks.ValueTask " + Helper(pipeline) + "<TNotification>(TNotification notification, " + Code.CancellationToken + " cancellationToken)");
                writer.Line("    => " + (InObsoleteContext(pipeline)
                    ? Forward(pipeline, "notification")
                    : "Publish(" + MediatorEmitter.Cast(pipeline.NotificationType.Display, pipeline.IsValueType, "notification!") + ", cancellationToken)") + ";");
            }
        }

        writer.Line();
        writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        writer.Line("private static void ThrowNotificationNull() => throw new global::System.ArgumentNullException(\"notification\");");
    }
}
