using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes one stream pipeline class: stream middleware as fields and a struct per step implementing
/// <c>IStreamNext</c>, ending in the handler (whose null result becomes a typed exception). With middleware, the
/// caller gets a <c>PipelineStream</c> that opens the steps when reading starts; without, the handler's own stream.
/// </summary>
internal static class StreamPipelineEmitter
{
    /// <summary>Writes the pipeline inside its namespace block; the file header is written once per file, by <see cref="PipelineFiles"/>.</summary>
    public static void Write(SourceWriter writer, StreamPlan pipeline)
    {
        var stream = "global::System.Collections.Generic.IAsyncEnumerable<" + pipeline.Shape.ResultType.Display + ">";
        var layered = pipeline.Steps.Count > 0;
        // Base-list positions (here and in WriteStep) write 'dynamic' as object, which C# requires there.
        var baseClass = layered ? " : global::Mediator.Internal.StreamPipeline<" + pipeline.Shape.MessageType.BaseListDisplay + ", " + pipeline.Shape.ResultType.BaseListDisplay + ">" : "";
        using (Code.MediatorPart(writer, pipeline.Shape.Mediator))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The compiled stream pipeline of <c>" + Code.Doc(pipeline.Shape.MessageType.Display) + "</c>, outermost first:");
            writer.Line("/// " + Code.Chain(pipeline.Steps, pipeline.HandlerType) + ".");
            PipelineConstruction.WritePerDispatchNote(writer, pipeline.Shape);
            writer.Line("/// </summary>");
            writer.Line(Code.GeneratedCode);
            UsageEmitter.WriteClassMark(writer, pipeline.Shape.Usage);
            using (writer.Block(UsageEmitter.ClassModifiers(pipeline.Shape.Usage) + pipeline.Shape.ClassName + baseClass))
            {
                PipelineFields.WriteStepsAndHandler(writer, pipeline.Shape.ClassName, pipeline.Steps, pipeline.HandlerType);
                writer.Line();
                if (PipelineConstruction.IsBuiltPerDispatch(pipeline.Shape))
                {
                    PipelineConstruction.WriteCreate(writer, pipeline.Shape, pipeline.Steps, pipeline.HandlerType);
                    writer.Line();
                }
                if (layered)
                {
                    WriteLayeredEntry(writer, pipeline, stream);
                }
                else
                {
                    WriteHandlerOnlyEntry(writer, pipeline, stream);
                }

                if (pipeline.Shape.InObsoleteContext)
                {
                    writer.Line();
                    UsageEmitter.WriteStreamMembers(writer, pipeline);
                }

                for (var index = 0; layered && index <= pipeline.Steps.Count; index++)
                {
                    writer.Line();
                    WriteStep(writer, pipeline, index);
                }
            }
        }
    }

    // Middleware enumerators open when the caller starts reading: one PipelineStream per dispatch stands for them
    // (an IAsyncEnumerator iterator keeps its parameters once, where an IAsyncEnumerable one keeps them twice).
    private static void WriteLayeredEntry(SourceWriter writer, StreamPlan pipeline, string stream)
    {
        var enumerator = "global::System.Collections.Generic.IAsyncEnumerator<" + pipeline.Shape.ResultType.Display + ">";
        writer.Line("/// <summary>The stream the caller reads: the steps and the handler run when reading starts.</summary>");
        writer.Line(Code.AggressiveInlining);
        writer.Line("public " + stream + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " request, " + Code.MessageContext + " context)");
        writer.Line("    => new global::Mediator.Internal.PipelineStream<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + ">(this, request, context);");
        writer.Line();
        writer.Line("/// <summary>Opens the outermost step, which opens the rest as it reads.</summary>");
        writer.Line("public override " + enumerator + " Open(" + pipeline.Shape.MessageType.Display + " request, " + Code.MessageContext + " context)");
        writer.Line("    => _observer is null");
        writer.Line("        ? new Next0<" + Code.Unobserved + ">(this).InvokeAsync(request, context).GetAsyncEnumerator()");
        writer.Line("        : new Next0<" + Code.Observed + ">(this).InvokeAsync(request, context).GetAsyncEnumerator();");
    }

    // Without middleware the handler's own stream is the caller's: nothing is added to it.
    private static void WriteHandlerOnlyEntry(SourceWriter writer, StreamPlan pipeline, string stream)
    {
        writer.Line("/// <summary>The handler's stream.</summary>");
        writer.Line(Code.AggressiveInlining);
        using (writer.Block("public " + stream + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " request, " + Code.MessageContext + " context)"))
        {
            writer.Line("_observer?.OnHandler(typeof(" + pipeline.HandlerType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "));");
            writer.Line("return " + HandlerStream(pipeline, "_handler") + ";");
        }
    }

    private static string HandlerStream(StreamPlan pipeline, string field)
    {
        var handler = pipeline.HandlerIsImplicit
            ? field
            : "((global::Mediator.IStreamRequestHandler<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + ">)" + field + ")";
        return handler + ".Handle(request, context.CancellationToken) ?? throw new global::Mediator.StreamHandlerReturnedNullException(typeof(" + pipeline.HandlerType + "))";
    }

    private static void WriteStep(SourceWriter writer, StreamPlan pipeline, int index)
    {
        var contract = "global::Mediator.IStreamNext<" + pipeline.Shape.MessageType.BaseListDisplay + ", " + pipeline.Shape.ResultType.BaseListDisplay + ">";
        var items = "global::Mediator.StreamItems<" + pipeline.Shape.ResultType.Display + ">";
        var signature = items + " InvokeAsync(" + pipeline.Shape.MessageType.Display + " request, " + Code.MessageContext + " context)";
        Code.NextStruct(writer, "Next" + index, contract, pipeline.Shape.ClassName, signature, body =>
        {
            if (index < pipeline.Steps.Count)
            {
                var step = pipeline.Steps[index];
                body.Line(Code.IfObserved + "_pipeline._observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "), null);");
                var next = "Next" + (index + 1) + "<TMode>";
                if (step.Role == StepRole.PreProcessor)
                {
                    // The one processor streams have: an enumerator that runs it on the first MoveNextAsync.
                    var preProcess = "global::Mediator.Internal.StreamPreProcessStep<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + ", " + next + ">";
                    body.Line("return new " + items + "(new " + preProcess + "(_pipeline._step" + index + ", request, new " + next + "(_pipeline), context));");
                    return;
                }

                var middleware = Code.Middleware("_pipeline._step" + index, step, "global::Mediator.IStreamMiddleware<" + pipeline.Shape.MessageType.Display + ", " + pipeline.Shape.ResultType.Display + ">");
                body.Line("return new " + items + "(" + middleware + ".InvokeAsync(request, new " + next + "(_pipeline), context));");
                return;
            }

            body.Line(Code.IfObserved + "_pipeline._observer!.OnHandler(typeof(" + pipeline.HandlerType + "), typeof(" + pipeline.Shape.MessageType.TypeOfOperand + "));");
            body.Line("return new " + items + "((" + HandlerStream(pipeline, "_pipeline._handler") + ").GetAsyncEnumerator(context.CancellationToken));");
        });
    }
}
