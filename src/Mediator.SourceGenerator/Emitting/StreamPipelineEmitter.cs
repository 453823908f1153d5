using System.Collections.Generic;
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
        var stream = "global::System.Collections.Generic.IAsyncEnumerable<" + pipeline.ItemType.Display + ">";
        var layered = pipeline.Steps.Count > 0;
        // Base-list positions (here and in WriteStep) write 'dynamic' as object, which C# requires there.
        var baseClass = layered ? " : global::Mediator.Internal.StreamPipeline<" + pipeline.RequestType.BaseListDisplay + ", " + pipeline.ItemType.BaseListDisplay + ">" : "";
        using (Code.MediatorPart(writer, pipeline.Mediator))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The compiled stream pipeline of <c>" + Code.Doc(pipeline.RequestType.Display) + "</c>, outermost first:");
            writer.Line("/// " + Code.Chain(pipeline.Steps, pipeline.HandlerType) + ".");
            writer.Line("/// </summary>");
            writer.Line(Code.GeneratedCode);
            UsageEmitter.WriteClassMark(writer, pipeline.Usage);
            using (writer.Block(UsageEmitter.ClassModifiers(pipeline.Usage) + pipeline.ClassName + baseClass))
            {
                var fields = new List<(string Type, string Name)>();
                for (var i = 0; i < pipeline.Steps.Count; i++)
                {
                    fields.Add((pipeline.Steps[i].MiddlewareType, "step" + i));
                }

                fields.Add((pipeline.HandlerType, "handler"));
                PipelineFields.Write(writer, pipeline.ClassName, fields, Code.Observer + "?", "observer");
                writer.Line();
                if (layered)
                {
                    WriteLayeredEntry(writer, pipeline, stream);
                }
                else
                {
                    WriteHandlerOnlyEntry(writer, pipeline, stream);
                }

                if (pipeline.Usage.NeedObsoleteContext())
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
        var enumerator = "global::System.Collections.Generic.IAsyncEnumerator<" + pipeline.ItemType.Display + ">";
        writer.Line("/// <summary>The stream the caller reads: the steps and the handler run when reading starts.</summary>");
        writer.Line(Code.AggressiveInlining);
        writer.Line("public " + stream + " InvokeAsync(" + pipeline.RequestType.Display + " request, " + Code.MessageContext + " context)");
        writer.Line("    => new global::Mediator.Internal.PipelineStream<" + pipeline.RequestType.Display + ", " + pipeline.ItemType.Display + ">(this, request, context);");
        writer.Line();
        writer.Line("/// <summary>Opens the outermost step, which opens the rest as it reads.</summary>");
        writer.Line("public override " + enumerator + " Open(" + pipeline.RequestType.Display + " request, " + Code.MessageContext + " context)");
        writer.Line("    => _observer is null");
        writer.Line("        ? new Next0<" + Code.Unobserved + ">(this).InvokeAsync(request, context).GetAsyncEnumerator()");
        writer.Line("        : new Next0<" + Code.Observed + ">(this).InvokeAsync(request, context).GetAsyncEnumerator();");
    }

    // Without middleware the handler's own stream is the caller's: nothing is added to it.
    private static void WriteHandlerOnlyEntry(SourceWriter writer, StreamPlan pipeline, string stream)
    {
        writer.Line("/// <summary>The handler's stream.</summary>");
        writer.Line(Code.AggressiveInlining);
        using (writer.Block("public " + stream + " InvokeAsync(" + pipeline.RequestType.Display + " request, " + Code.MessageContext + " context)"))
        {
            writer.Line("_observer?.OnHandler(typeof(" + pipeline.HandlerType + "), typeof(" + pipeline.RequestType.TypeOfOperand + "));");
            writer.Line("return " + HandlerStream(pipeline, "_handler") + ";");
        }
    }

    private static string HandlerStream(StreamPlan pipeline, string field)
    {
        var handler = pipeline.HandlerIsImplicit
            ? field
            : "((global::Mediator.IStreamRequestHandler<" + pipeline.RequestType.Display + ", " + pipeline.ItemType.Display + ">)" + field + ")";
        return handler + ".Handle(request, context.CancellationToken) ?? throw new global::Mediator.StreamHandlerReturnedNullException(typeof(" + pipeline.HandlerType + "))";
    }

    private static void WriteStep(SourceWriter writer, StreamPlan pipeline, int index)
    {
        var contract = "global::Mediator.IStreamNext<" + pipeline.RequestType.BaseListDisplay + ", " + pipeline.ItemType.BaseListDisplay + ">";
        var items = "global::Mediator.StreamItems<" + pipeline.ItemType.Display + ">";
        var signature = items + " InvokeAsync(" + pipeline.RequestType.Display + " request, " + Code.MessageContext + " context)";
        Code.NextStruct(writer, "Next" + index, contract, pipeline.ClassName, signature, body =>
        {
            if (index < pipeline.Steps.Count)
            {
                var step = pipeline.Steps[index];
                body.Line(Code.IfObserved + "_pipeline._observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.RequestType.TypeOfOperand + "), null);");
                var middleware = Code.Middleware("_pipeline._step" + index, step, "global::Mediator.IStreamMiddleware<" + pipeline.RequestType.Display + ", " + pipeline.ItemType.Display + ">");
                body.Line("return new " + items + "(" + middleware + ".InvokeAsync(request, new Next" + (index + 1) + "<TMode>(_pipeline), context));");
                return;
            }

            body.Line(Code.IfObserved + "_pipeline._observer!.OnHandler(typeof(" + pipeline.HandlerType + "), typeof(" + pipeline.RequestType.TypeOfOperand + "));");
            body.Line("return new " + items + "((" + HandlerStream(pipeline, "_pipeline._handler") + ").GetAsyncEnumerator(context.CancellationToken));");
        });
    }
}
