using System.Collections.Generic;
using System.Linq;
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
    private const string Delivery = "global::Mediator.Publishing.NotificationDelivery";
    private const string Runtime = "global::Mediator.Publishing.PublishRuntime";
    private const string Unit = "global::Mediator.Unit";

    /// <summary>Writes the pipeline inside its namespace block; the file header is written once per file, by <see cref="PipelineFiles"/>.</summary>
    public static void Write(SourceWriter writer, NotificationPlan pipeline)
    {
        using (writer.Block("namespace " + pipeline.Namespace))
        using (writer.Block("partial class Mediator"))
        {
            WriteSummary(writer, pipeline);
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal sealed class " + pipeline.ClassName))
            {
                var fields = NotificationFields.For(pipeline).Select(f => (f.Type, f.Name)).ToList();
                PipelineFields.Write(writer, pipeline.ClassName, fields, Runtime, "runtime");
                writer.Line();
                writer.Line("/// <summary>Publishes the notification: publish-side middleware, then every handler.</summary>");
                if (pipeline.PublishSteps.Count == 0)
                {
                    // Nothing runs before the fan-out, so nothing can drop the whole publish: call the fan-out itself,
                    // without NotificationDelivery.PublishAsync and its try/catch.
                    writer.Line(Code.AggressiveInlining);
                    writer.Line("public global::System.Threading.Tasks.ValueTask InvokeAsync(" + pipeline.NotificationType + " notification, " + Code.MessageContext + " context)");
                    writer.Line("    => _runtime.Observer is null");
                    writer.Line("        ? FanOutAsync<" + Code.Unobserved + ">(notification, context)");
                    writer.Line("        : FanOutAsync<" + Code.Observed + ">(notification, context);");
                }
                else
                {
                    writer.Line("public global::System.Threading.Tasks.ValueTask InvokeAsync(" + pipeline.NotificationType + " notification, " + Code.MessageContext + " context)");
                    writer.Line("    => _runtime.Observer is null");
                    writer.Line("        ? " + Delivery + ".PublishAsync(new Publish0<" + Code.Unobserved + ">(this), notification, context, _runtime)");
                    writer.Line("        : " + Delivery + ".PublishAsync(new Publish0<" + Code.Observed + ">(this), notification, context, _runtime);");
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
        writer.Line("/// The compiled pipeline of <c>" + Code.Doc(pipeline.NotificationType) + "</c> (" + (pipeline.Strategy == PublishStrategyKind.Concurrent ? "concurrent" : "sequential") + " fan-out).");
        writer.Line("/// Once per Publish: " + Code.Chain(pipeline.PublishSteps, "fan-out") + ".");
        foreach (var handler in pipeline.Handlers)
        {
            writer.Line("/// Per handler: " + Code.Chain(pipeline.HandlerSteps.Concat(handler.Steps), handler.HandlerType) + ".");
        }

        writer.Line("/// </summary>");
    }

    /// <summary>How many middleware steps wrap handler <paramref name="handlerIndex"/>: the shared ones and its own.</summary>
    internal static int StepCount(NotificationPlan pipeline, int handlerIndex) => pipeline.HandlerSteps.Count + pipeline.Handlers[handlerIndex].Steps.Count;

    private static string Contract(NotificationPlan pipeline) => "global::Mediator.INext<" + pipeline.NotificationType + ", " + Unit + ">";

    private static string Signature(NotificationPlan pipeline)
        => Code.ValueTask(Unit) + " InvokeAsync(" + pipeline.NotificationType + " notification, " + Code.MessageContext + " context)";

    private static string MiddlewareContract(NotificationPlan pipeline) => "global::Mediator.IMiddleware<" + pipeline.NotificationType + ", " + Unit + ">";

    /// <summary>Publish-side step <paramref name="index"/>; after the last comes the fan-out.</summary>
    private static void WritePublishStep(SourceWriter writer, NotificationPlan pipeline, int index)
    {
        Code.NextStruct(writer, "Publish" + index, Contract(pipeline), pipeline.ClassName, Signature(pipeline), body =>
        {
            if (index == pipeline.PublishSteps.Count)
            {
                body.Line("return _pipeline.FanOutAsync<TMode>(notification, context);");
                return;
            }

            var step = pipeline.PublishSteps[index];
            body.Line(Code.IfObserved + "_pipeline._runtime.Observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.NotificationType + "), null);");
            var middleware = Code.Middleware("_pipeline._publish" + index, step, MiddlewareContract(pipeline));
            body.Line("return " + middleware + ".InvokeAsync(notification, new Publish" + (index + 1) + "<TMode>(_pipeline), context);");
        });
    }

    /// <summary>Handler-side step <paramref name="index"/> of handler <paramref name="handlerIndex"/>; after the last comes the handler.</summary>
    private static void WriteHandlerStep(SourceWriter writer, NotificationPlan pipeline, int handlerIndex, int index)
    {
        var handler = pipeline.Handlers[handlerIndex];
        Code.NextStruct(writer, "Handler" + handlerIndex + "Step" + index, Contract(pipeline), pipeline.ClassName, Signature(pipeline), body =>
        {
            if (index < StepCount(pipeline, handlerIndex))
            {
                var shared = index < pipeline.HandlerSteps.Count;
                var step = shared ? pipeline.HandlerSteps[index] : handler.Steps[index - pipeline.HandlerSteps.Count];
                var field = shared ? "_pipeline._step" + index : "_pipeline._" + NotificationFields.OwnStep(handlerIndex, index - pipeline.HandlerSteps.Count);
                body.Line(Code.IfObserved + "_pipeline._runtime.Observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.NotificationType + "), typeof(" + handler.HandlerType + "));");
                var middleware = Code.Middleware(field, step, MiddlewareContract(pipeline));
                body.Line("return " + middleware + ".InvokeAsync(notification, new Handler" + handlerIndex + "Step" + (index + 1) + "<TMode>(_pipeline), context);");
                return;
            }

            WriteOnHandler(body, pipeline, handlerIndex, "_pipeline._runtime");
            body.Line("return global::Mediator.Internal.ValueTasks.ToUnit(" + HandlerCall(pipeline, handlerIndex, "_pipeline._handler" + handlerIndex) + ");");
        });
    }

    internal static void WriteOnHandler(SourceWriter writer, NotificationPlan pipeline, int handlerIndex, string runtime)
        => writer.Line(Code.IfObserved + runtime + ".Observer!.OnHandler(typeof(" + pipeline.Handlers[handlerIndex].HandlerType + "), typeof(" + pipeline.NotificationType + "));");

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
            return "((global::Mediator.INotificationHandler<" + handler.HandledType + ">)" + target + ").Handle(notification, context.CancellationToken)";
        }

        var argument = handler.HandledType == pipeline.NotificationType ? "notification" : "((" + handler.HandledType + ")notification)";
        return target + ".Handle(" + argument + ", context.CancellationToken)";
    }
}
