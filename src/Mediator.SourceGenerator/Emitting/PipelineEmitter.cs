using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes one request pipeline class: the middlewares and the handler as fields, and a readonly struct per step that
/// implements <c>INext</c>, so each middleware's <c>next</c> is a value type the JIT specialises and inlines. The steps
/// are generic over an observation mode: the unobserved instantiation has no observer code at all.
/// </summary>
internal static class PipelineEmitter
{
    /// <summary>Writes the pipeline inside its namespace block; the file header is written once per file, by <see cref="PipelineFiles"/>.</summary>
    public static void Write(SourceWriter writer, PipelinePlan pipeline)
    {
        using (Code.MediatorPart(writer, pipeline.Shape.Mediator))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The compiled pipeline of <c>" + Code.Doc(pipeline.Shape.MessageType.Display) + "</c>, outermost first:");
            writer.Line("/// " + Code.PipelineSummary(pipeline) + ".");
            PipelineConstruction.WritePerDispatchNote(writer, pipeline.Shape);
            writer.Line("/// </summary>");
            var isValueType = PipelineConstruction.IsValueType(pipeline);
            writer.Line(Code.GeneratedCode);
            UsageEmitter.WriteClassMark(writer, pipeline.Shape.Usage);
            var modifiers = isValueType ? UsageEmitter.StructModifiers(pipeline.Shape.Usage) : UsageEmitter.ClassModifiers(pipeline.Shape.Usage);
            using (writer.Block(modifiers + pipeline.Shape.ClassName))
            {
                PipelineFields.WriteStepsAndHandler(writer, pipeline.Shape.ClassName, pipeline.Steps, pipeline.HandlerType);
                writer.Line();
                if (PipelineConstruction.IsBuiltPerDispatch(pipeline.Shape))
                {
                    PipelineConstruction.WriteCreate(writer, pipeline.Shape, pipeline.Steps, pipeline.HandlerType);
                    writer.Line();
                }

                writer.Line("/// <summary>Runs the request through every step and the handler.</summary>");
                writer.Line(Code.AggressiveInlining);
                writer.Line("public " + Code.ValueTask(pipeline.Shape.ResultType.Display) + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " request, " + Code.MessageContext + " context)");
                writer.Line("    => _observer is null");
                writer.Line("        ? new Next0<" + Code.Unobserved + ">(this).InvokeAsync(request, context)");
                writer.Line("        : new Next0<" + Code.Observed + ">(this).InvokeAsync(request, context);");
                if (pipeline.Shape.InObsoleteContext)
                {
                    writer.Line();
                    UsageEmitter.WriteRequestMembers(writer, pipeline);
                }

                for (var step = 0; step <= pipeline.Steps.Count; step++)
                {
                    writer.Line();
                    WriteNextStruct(writer, pipeline, step);
                }
            }
        }
    }

    /// <summary>
    /// The runtime step that calls a processor around the rest of the pipeline, with its type arguments written out (C#
    /// infers none from the <c>INext</c> constraint): <c>ProcessorSteps.PreProcess&lt;Ping, Pong, Next2&lt;TMode&gt;&gt;</c>.
    /// </summary>
    private static string ProcessorCall(PipelinePlan pipeline, PipelineStep step, string next)
    {
        var method = step.Role switch
        {
            StepRole.PreProcessor => "PreProcess",
            StepRole.PostProcessor => "PostProcess",
            StepRole.ExceptionHandler => "HandleException",
            _ => "ObserveException",
        };
        var exception = step.ExceptionType is null ? string.Empty : ", " + step.ExceptionType;
        return "global::Mediator.Internal.ProcessorSteps." + method + "<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + exception + ", " + next + ">";
    }

    /// <summary>The struct that stands for "everything from step <paramref name="index"/> inwards".</summary>
    private static void WriteNextStruct(SourceWriter writer, PipelinePlan pipeline, int index)
    {
        // The struct implements INext: a base-list position, where C# rejects 'dynamic' (BaseListDisplay writes object).
        var contract = "global::Mediator.INext<" + pipeline.Shape.MessageType.BaseListDisplay + ", " + pipeline.Shape.ResultType.BaseListDisplay + ">";
        var signature = Code.ValueTask(pipeline.Shape.ResultType.Display) + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " request, " + Code.MessageContext + " context)";
        Code.NextStruct(writer, "Next" + index, contract, pipeline.Shape.ClassName, signature, body =>
        {
            if (index < pipeline.Steps.Count)
            {
                var step = pipeline.Steps[index];
                body.Line(Code.IfObserved + "_pipeline._observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "), null);");
                var next = "Next" + (index + 1) + "<TMode>";
                if (step.Role != StepRole.Middleware)
                {
                    body.Line("return " + ProcessorCall(pipeline, step, next) + "(_pipeline._step" + index + ", request, new " + next + "(_pipeline), context);");
                    return;
                }

                var middleware = Code.Middleware("_pipeline._step" + index, step, "global::Mediator.IMiddleware<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + ">");
                body.Line("return " + middleware + ".InvokeAsync(request, new " + next + "(_pipeline), context);");
                return;
            }

            body.Line(Code.IfObserved + "_pipeline._observer!.OnHandler(typeof(" + pipeline.HandlerType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "));");
            var handler = "_pipeline._handler";
            if (!pipeline.HandlerIsImplicit)
            {
                handler = pipeline.IsVoid
                    ? "((global::Mediator.IRequestHandler<" + pipeline.Shape.MessageType.Display + ">)" + handler + ")"
                    : "((global::Mediator.IRequestHandler<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + ">)" + handler + ")";
            }

            var call = handler + ".Handle(request, context.CancellationToken)";
            body.Line("return " + (pipeline.IsVoid ? "global::Mediator.Internal.ValueTasks.ToUnit(" + call + ")" : call) + ";");
        });
    }
}
