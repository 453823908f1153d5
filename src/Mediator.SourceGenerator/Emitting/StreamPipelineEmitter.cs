using System.Collections.Generic;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes one stream pipeline class: stream middleware as fields and a struct per step implementing
/// <c>IStreamNext</c>, ending in the handler (whose null result becomes a typed exception).
/// </summary>
internal static class StreamPipelineEmitter
{
    /// <summary>Writes the pipeline inside its namespace block; the file header is written once per file, by <see cref="PipelineFiles"/>.</summary>
    public static void Write(SourceWriter writer, StreamPlan pipeline)
    {
        var stream = "global::System.Collections.Generic.IAsyncEnumerable<" + pipeline.ItemType + ">";
        using (writer.Block("namespace " + pipeline.Namespace))
        using (writer.Block("partial class Mediator"))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The compiled stream pipeline of <c>" + Code.Doc(pipeline.RequestType) + "</c>, outermost first:");
            writer.Line("/// " + Code.Chain(pipeline.Steps, pipeline.HandlerType) + ".");
            writer.Line("/// </summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal sealed class " + pipeline.ClassName))
            {
                var fields = new List<(string Type, string Name)>();
                for (var i = 0; i < pipeline.Steps.Count; i++)
                {
                    fields.Add((pipeline.Steps[i].MiddlewareType, "step" + i));
                }

                fields.Add((pipeline.HandlerType, "handler"));
                PipelineFields.Write(writer, pipeline.ClassName, fields, Code.Observer + "?", "observer");
                writer.Line();
                writer.Line("/// <summary>Opens the stream through every step and the handler.</summary>");
                writer.Line(Code.AggressiveInlining);
                writer.Line("public " + stream + " InvokeAsync(" + pipeline.RequestType + " request, " + Code.MessageContext + " context)");
                writer.Line("    => _observer is null");
                writer.Line("        ? new Next0<" + Code.Unobserved + ">(this).InvokeAsync(request, context)");
                writer.Line("        : new Next0<" + Code.Observed + ">(this).InvokeAsync(request, context);");
                for (var index = 0; index <= pipeline.Steps.Count; index++)
                {
                    writer.Line();
                    WriteStep(writer, pipeline, stream, index);
                }
            }
        }
    }

    private static void WriteStep(SourceWriter writer, StreamPlan pipeline, string stream, int index)
    {
        var contract = "global::Mediator.IStreamNext<" + pipeline.RequestType + ", " + pipeline.ItemType + ">";
        var signature = stream + " InvokeAsync(" + pipeline.RequestType + " request, " + Code.MessageContext + " context)";
        Code.NextStruct(writer, "Next" + index, contract, pipeline.ClassName, signature, body =>
        {
            if (index < pipeline.Steps.Count)
            {
                var step = pipeline.Steps[index];
                body.Line(Code.IfObserved + "_pipeline._observer!.OnMiddleware(typeof(" + step.MiddlewareType + "), typeof(" + pipeline.RequestType + "), null);");
                var middleware = Code.Middleware("_pipeline._step" + index, step, "global::Mediator.IStreamMiddleware<" + pipeline.RequestType + ", " + pipeline.ItemType + ">");
                body.Line("return " + middleware + ".InvokeAsync(request, new Next" + (index + 1) + "<TMode>(_pipeline), context);");
                return;
            }

            body.Line(Code.IfObserved + "_pipeline._observer!.OnHandler(typeof(" + pipeline.HandlerType + "), typeof(" + pipeline.RequestType + "));");
            var handler = pipeline.HandlerIsImplicit
                ? "_pipeline._handler"
                : "((global::Mediator.IStreamRequestHandler<" + pipeline.RequestType + ", " + pipeline.ItemType + ">)_pipeline._handler)";
            body.Line("return " + handler + ".Handle(request, context.CancellationToken) ?? throw new global::Mediator.StreamHandlerReturnedNullException(typeof(" + pipeline.HandlerType + "));");
        });
    }
}
