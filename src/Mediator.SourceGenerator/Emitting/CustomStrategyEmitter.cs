using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// The fan-out of a notification whose <c>[PublishStrategy(typeof(...))]</c> names a class of the user's: the pipeline
/// hands the strategy a <see cref="HandlerSet"/>, a struct over the pipeline that reaches each handler's compiled chain by
/// index. Passing it allocates nothing, and the strategy is a field of the pipeline, resolved with it: nothing is looked
/// up when publishing.
/// </summary>
internal static class CustomStrategyEmitter
{
    /// <summary>The name of the handler-set struct inside the pipeline class.</summary>
    public const string HandlerSet = "HandlerSet";

    public static void WriteFanOut(SourceWriter writer, NotificationPlan pipeline)
    {
        var strategy = pipeline.Strategy.CustomType!;
        var target = pipeline.Strategy.IsImplicit ? "_" + NotificationFields.Strategy : "((global::Mediator.IPublishStrategy)_" + NotificationFields.Strategy + ")";
        var call = target + ".PublishAsync(notification, new " + HandlerSet + "<TMode>(this), context)";
        writer.Line("/// <summary>Hands every handler to <c>" + Code.Doc(strategy) + "</c>, which decides how they run and what the caller sees.</summary>");
        writer.Line(Code.AggressiveInlining);
        var returnType = FanOutEmitter.ReturnsUnit(pipeline) ? Code.ValueTask(Code.Unit) : Code.PlainValueTask;
        writer.Line("private " + returnType + " FanOutAsync<TMode>(" + pipeline.Shape.MessageType.Display + " notification, " + Code.MessageContext + " context) where TMode : struct");
        writer.Line("    => " + (FanOutEmitter.ReturnsUnit(pipeline) ? "global::Mediator.Internal.ValueTasks.ToUnit(" + call + ")" : call) + ";");
        writer.Line();
        WriteHandlerSet(writer, pipeline);
    }

    private static void WriteHandlerSet(SourceWriter writer, NotificationPlan pipeline)
    {
        var message = pipeline.Shape.MessageType.Display;
        var parameters = "int index, " + message + " notification, " + Code.MessageContext + " context";
        writer.Line("/// <summary>Every handler of the notification, by index in their stable order, for the strategy.</summary>");
        using (writer.Block("private readonly struct " + HandlerSet + "<TMode> : global::Mediator.INotificationHandlers<" + pipeline.Shape.MessageType.BaseListDisplay + "> where TMode : struct"))
        {
            writer.Line("private readonly " + pipeline.Shape.ClassName + " _pipeline;");
            writer.Line();
            writer.Line("public " + HandlerSet + "(" + pipeline.Shape.ClassName + " pipeline) => _pipeline = pipeline;");
            writer.Line();
            writer.Line("public int Count => " + pipeline.Handlers.Count + ";");
            writer.Line();
            WriteSwitch(writer, "public global::System.Type HandlerType(int index)", pipeline, i => "typeof(" + pipeline.Handlers[i].HandlerType + ")");
            writer.Line();
            WriteSwitch(writer, "public " + Code.PlainValueTask + " InvokeAsync(" + parameters + ")", pipeline, i =>
            {
                var start = "new Handler" + i + "Step0<TMode>(_pipeline).InvokeAsync(notification, context)";
                return NotificationPipelineEmitter.StartsPlain(pipeline, i) ? start : "global::Mediator.Internal.ValueTasks.ToVoid(" + start + ")";
            });
            writer.Line();
            WriteSwitch(writer, "public " + Code.ValueTask("global::Mediator.NotificationFailure?") + " DeliverAsync(" + parameters + ")", pipeline, i =>
                Code.NotificationDelivery + ".DeliverAsync(new Handler" + i + "Step0<TMode>(_pipeline), notification, context, _pipeline._runtime, typeof(" + pipeline.Handlers[i].HandlerType + "))");
        }
    }

    private static void WriteSwitch(SourceWriter writer, string signature, NotificationPlan pipeline, System.Func<int, string> result)
    {
        using (writer.Block(signature))
        {
            using (writer.Block("switch (index)"))
            {
                for (var i = 0; i < pipeline.Handlers.Count; i++)
                {
                    writer.Line("case " + i + ": return " + result(i) + ";");
                }

                writer.Line("default: throw new global::System.ArgumentOutOfRangeException(\"index\", index, \"A handler index is from 0 to Count - 1.\");");
            }
        }
    }
}
