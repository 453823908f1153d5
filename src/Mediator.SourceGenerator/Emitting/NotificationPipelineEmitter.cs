using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes one notification pipeline class: publish-side middleware (once per Publish), a fan-out written for the
/// chosen strategy, and for each handler a chain of handler-side middleware (the shared steps, then the handler's own,
/// named by <c>[UseMiddleware]</c> on it). Every chain is a series of structs, as for requests; each handler's delivery
/// (Drop, Retry, failure) goes through <c>NotificationDelivery</c>.
/// </summary>
internal static class NotificationPipelineEmitter
{
    /// <summary>Writes the pipeline inside its namespace block; the file header is written once per file, by <see cref="PipelineFiles"/>.</summary>
    public static void Write(SourceWriter writer, NotificationPlan pipeline)
    {
        using (Code.MediatorPart(writer, pipeline.Shape.Mediator))
        {
            WriteSummary(writer, pipeline);
            writer.Line(Code.GeneratedCode);
            UsageEmitter.WriteClassMark(writer, pipeline.Shape.Usage);
            using (writer.Block(UsageEmitter.ClassModifiers(pipeline.Shape.Usage) + pipeline.Shape.ClassName))
            {
                var fields = NotificationFields.For(pipeline).Select(f => (f.Type, f.Name)).ToList();
                PipelineFields.Write(writer, pipeline.Shape.ClassName, fields, Code.PublishRuntime, "runtime");
                writer.Line();
                if (PipelineConstruction.IsBuiltPerDispatch(pipeline.Shape))
                {
                    PipelineConstruction.WriteCreate(writer, pipeline.Shape, PipelineConstruction.Arguments(pipeline, PipelineConstruction.QualifiedGetServiceOr(pipeline.Shape.Mediator)), takesObserver: false);
                    writer.Line();
                }
                writer.Line("/// <summary>Publishes the notification: publish-side middleware, then every handler.</summary>");
                if (pipeline.PublishSteps.Count == 0)
                {
                    // Nothing runs before the fan-out, so nothing can drop the whole publish: call the fan-out itself,
                    // without NotificationDelivery.PublishAsync and its try/catch.
                    writer.Line(Code.AggressiveInlining);
                    writer.Line("public " + Code.PlainValueTask + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " notification, " + Code.MessageContext + " context)");
                    writer.Line("    => _runtime.Observer is null");
                    writer.Line("        ? FanOutAsync<" + Code.Unobserved + ">(notification, context)");
                    writer.Line("        : FanOutAsync<" + Code.Observed + ">(notification, context);");
                }
                else
                {
                    var publish = Code.NotificationDelivery + (pipeline.PublishSteps[0].ReturnsPlainValueTask ? ".PublishPlainAsync" : ".PublishAsync");
                    writer.Line("public " + Code.PlainValueTask + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " notification, " + Code.MessageContext + " context)");
                    writer.Line("    => _runtime.Observer is null");
                    writer.Line("        ? " + publish + "(new Publish0<" + Code.Unobserved + ">(this), notification, context, _runtime)");
                    writer.Line("        : " + publish + "(new Publish0<" + Code.Observed + ">(this), notification, context, _runtime);");
                }

                if (pipeline.Shape.InObsoleteContext)
                {
                    writer.Line();
                    UsageEmitter.WriteNotificationMembers(writer, pipeline);
                }

                writer.Line();
                FanOutEmitter.Write(writer, pipeline);
                for (var i = 0; pipeline.PublishSteps.Count > 0 && i <= pipeline.PublishSteps.Count; i++)
                {
                    writer.Line();
                    WritePublishStep(writer, pipeline, i);
                }

                for (var handler = 0; handler < pipeline.Handlers.Count; handler++)
                {
                    for (var i = 0; i <= StepCount(pipeline, handler); i++)
                    {
                        writer.Line();
                        WriteHandlerStep(writer, pipeline, handler, i);
                    }
                }
            }
        }
    }

    private static void WriteSummary(SourceWriter writer, NotificationPlan pipeline)
    {
        writer.Line("/// <summary>");
        writer.Line("/// The compiled pipeline of <c>" + Code.Doc(pipeline.Shape.MessageType.Display) + "</c> (" + FanOutName(pipeline) + ").");
        writer.Line("/// Once per Publish: " + Code.Chain(pipeline.PublishSteps, "fan-out") + ".");
        foreach (var handler in pipeline.Handlers)
        {
            writer.Line("/// Per handler: " + Code.Chain(pipeline.HandlerSteps.Concat(handler.Steps), handler.HandlerType) + ".");
        }

        PipelineConstruction.WritePerDispatchNote(writer, pipeline.Shape);
        writer.Line("/// </summary>");
    }

    /// <summary>The fan-out as the pipeline's summary names it.</summary>
    private static string FanOutName(NotificationPlan pipeline) => pipeline.Kind switch
    {
        PublishStrategyKind.Concurrent => "concurrent fan-out",
        PublishStrategyKind.StopOnFirstFailure => "sequential fan-out, stopping at the first failure",
        PublishStrategyKind.FireAndForget => "sequential fan-out, run in the background by Publish",
        PublishStrategyKind.Custom => "fan-out by " + Code.Doc(pipeline.Strategy.CustomType!),
        _ => "sequential fan-out",
    }
        + (pipeline.Failures == PublishFailureKind.Original && pipeline.Kind is not (PublishStrategyKind.FireAndForget or PublishStrategyKind.Custom)
            ? "; a single failure rethrown as itself" : string.Empty);

    /// <summary>How many middleware steps wrap handler <paramref name="handlerIndex"/>: the shared ones and its own.</summary>
    internal static int StepCount(NotificationPlan pipeline, int handlerIndex) => pipeline.HandlerSteps.Count + pipeline.Handlers[handlerIndex].Steps.Count;

    // A step struct answers in one of two shapes: ValueTask<Unit> (INext<T, Unit>, what IMiddleware<T, Unit> calls and
    // what the runtime's delivery helpers take) or a plain ValueTask (INotificationNext<T>, what an
    // INotificationMiddleware<T> calls). A struct converts only where the two kinds meet. The contracts are base-list
    // positions, where C# rejects 'dynamic': BaseListDisplay writes object, which converts to it by identity.
    private static string Contract(NotificationPlan pipeline, bool plain)
        => plain ? "global::Mediator.INotificationNext<" + pipeline.Shape.MessageType.BaseListDisplay + ">" : "global::Mediator.INext<" + pipeline.Shape.MessageType.BaseListDisplay + ", " + Code.Unit + ">";

    private static string Signature(NotificationPlan pipeline, bool plain)
        => (plain ? Code.PlainValueTask : Code.ValueTask(Code.Unit)) + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " notification, " + Code.MessageContext + " context)";

    private static string MiddlewareContract(NotificationPlan pipeline, PipelineStep step)
        => step.ReturnsPlainValueTask
            ? "global::Mediator.INotificationMiddleware<" + pipeline.Shape.MessageType.Display + ">"
            : "global::Mediator.IMiddleware<" + pipeline.Shape.MessageType.Display + ", " + Code.Unit + ">";

    private static string Convert(string call, bool fromPlain, bool toPlain)
        => fromPlain == toPlain ? call : "global::Mediator.Internal.ValueTasks." + (toPlain ? "ToVoid(" : "ToUnit(") + call + ")";

    /// <summary>Step <paramref name="index"/> of handler <paramref name="handlerIndex"/>'s chain: the shared steps first, then its own.</summary>
    internal static PipelineStep HandlerStep(NotificationPlan pipeline, int handlerIndex, int index)
        => index < pipeline.HandlerSteps.Count
            ? pipeline.HandlerSteps[index]
            : pipeline.Handlers[handlerIndex].Steps[index - pipeline.HandlerSteps.Count];

    /// <summary>
    /// Whether handler <paramref name="handlerIndex"/>'s first struct answers a plain <c>ValueTask</c>: with no middleware
    /// (the handler's own task) or when its first middleware is an <c>INotificationMiddleware</c>.
    /// </summary>
    internal static bool StartsPlain(NotificationPlan pipeline, int handlerIndex)
        => StepCount(pipeline, handlerIndex) == 0 || HandlerStep(pipeline, handlerIndex, 0).ReturnsPlainValueTask;

    /// <summary>
    /// Writes step struct <paramref name="name"/>, which calls a middleware, the fan-out or the handler answering in the
    /// <paramref name="calleePlain"/> shape. A struct after a middleware answers in that middleware's shape
    /// (<paramref name="consumerPlain"/>), converting when the two differ. The first struct of a chain answers in the
    /// callee's shape, for the fan-out's direct call or <c>PublishPlainAsync</c>; a handler chain's first struct also
    /// serves the runtime's <c>INext&lt;T, Unit&gt;</c> delivery helpers (retry, concurrent delivery), through an explicit
    /// implementation when it answers plain.
    /// </summary>
    private static void WriteStepStruct(
        SourceWriter writer, NotificationPlan pipeline, string name, bool first, bool consumerPlain, bool calleePlain, string? observe, string call, bool servesDelivery = true)
    {
        var plain = first ? calleePlain : consumerPlain;
        var dual = first && plain && servesDelivery;
        var contracts = dual ? Contract(pipeline, plain: false) + ", " + Contract(pipeline, plain: true) : Contract(pipeline, plain);
        Code.NextStruct(writer, name, contracts, pipeline.Shape.ClassName, Signature(pipeline, plain), body =>
        {
            if (observe is not null)
            {
                body.Line(observe);
            }

            body.Line("return " + Convert(call, calleePlain, plain) + ";");
        }, dual ? (System.Action<SourceWriter>)(members =>
        {
            members.Line();
            members.Line(Code.AggressiveInlining);
            members.Line(Code.ValueTask(Code.Unit) + " " + Contract(pipeline, plain: false) + ".InvokeAsync(" + pipeline.Shape.MessageType.BaseListDisplay + " notification, " + Code.MessageContext + " context)");
            members.Line("    => " + Convert("InvokeAsync(notification, context)", fromPlain: true, toPlain: false) + ";");
        }) : null);
    }

    /// <summary>Publish-side step <paramref name="index"/>; after the last comes the fan-out.</summary>
    private static void WritePublishStep(SourceWriter writer, NotificationPlan pipeline, int index)
    {
        var consumerPlain = index > 0 && pipeline.PublishSteps[index - 1].ReturnsPlainValueTask;
        if (index == pipeline.PublishSteps.Count)
        {
            WriteStepStruct(writer, pipeline, "Publish" + index, index == 0, consumerPlain, !FanOutEmitter.ReturnsUnit(pipeline), null, "_pipeline.FanOutAsync<TMode>(notification, context)", servesDelivery: false);
            return;
        }

        var step = pipeline.PublishSteps[index];
        var observe = Code.IfObserved + "_pipeline._runtime.Observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "), null);";
        var middleware = Code.Middleware("_pipeline._publish" + index, step, MiddlewareContract(pipeline, step));
        WriteStepStruct(writer, pipeline, "Publish" + index, index == 0, consumerPlain, step.ReturnsPlainValueTask, observe,
            middleware + ".InvokeAsync(notification, new Publish" + (index + 1) + "<TMode>(_pipeline), context)", servesDelivery: false);
    }

    /// <summary>Handler-side step <paramref name="index"/> of handler <paramref name="handlerIndex"/>; after the last comes the handler.</summary>
    private static void WriteHandlerStep(SourceWriter writer, NotificationPlan pipeline, int handlerIndex, int index)
    {
        var handler = pipeline.Handlers[handlerIndex];
        var name = "Handler" + handlerIndex + "Step" + index;
        var consumerPlain = index > 0 && HandlerStep(pipeline, handlerIndex, index - 1).ReturnsPlainValueTask;
        if (index < StepCount(pipeline, handlerIndex))
        {
            var step = HandlerStep(pipeline, handlerIndex, index);
            var field = index < pipeline.HandlerSteps.Count
                ? "_pipeline._step" + index
                : "_pipeline._" + NotificationFields.OwnStep(handlerIndex, index - pipeline.HandlerSteps.Count);
            var observe = Code.IfObserved + "_pipeline._runtime.Observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "), typeof(" + handler.HandlerType + "));";
            var middleware = Code.Middleware(field, step, MiddlewareContract(pipeline, step));
            WriteStepStruct(writer, pipeline, name, index == 0, consumerPlain, step.ReturnsPlainValueTask, observe,
                middleware + ".InvokeAsync(notification, new Handler" + handlerIndex + "Step" + (index + 1) + "<TMode>(_pipeline), context)");
            return;
        }

        // The handler answers a plain ValueTask.
        WriteStepStruct(writer, pipeline, name, index == 0, consumerPlain, calleePlain: true, OnHandler(pipeline, handlerIndex, "_pipeline._runtime"),
            HandlerCall(pipeline, handlerIndex, "_pipeline._handler" + handlerIndex));
    }

    internal static void WriteOnHandler(SourceWriter writer, NotificationPlan pipeline, int handlerIndex, string runtime)
        => writer.Line(OnHandler(pipeline, handlerIndex, runtime));

    private static string OnHandler(NotificationPlan pipeline, int handlerIndex, string runtime)
        => Code.IfObserved + runtime + ".Observer!.OnHandler(typeof(" + pipeline.Handlers[handlerIndex].HandlerType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "));";
    /// <summary>
    /// The call of handler <paramref name="handlerIndex"/>'s <c>Handle</c>. Directly when the contract's method is
    /// public on the class (no interface dispatch), with the notification cast to the contract's type: a class that
    /// handles several notifications (or a base and a derived one) has several <c>Handle</c> overloads, and the cast
    /// makes overload resolution pick this contract's, an exact match, rather than a more specific one.
    /// </summary>
    internal static string HandlerCall(NotificationPlan pipeline, int handlerIndex, string target)
    {
        var handler = pipeline.Handlers[handlerIndex];
        if (!handler.IsImplicit)
        {
            return "((global::Mediator.INotificationHandler<" + handler.HandledType.Display + ">)" + target + ").Handle(notification, context.CancellationToken)";
        }

        var argument = handler.HandledType.Display == pipeline.Shape.MessageType.Display ? "notification" : "((" + handler.HandledType.Display + ")notification)";
        return target + ".Handle(" + argument + ", context.CancellationToken)";
    }
}
