using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes one pipeline class: the middlewares and the handler as fields, and a readonly struct per step that
/// implements <c>INext</c>, so each middleware's <c>next</c> is a value type the JIT specialises and inlines.
/// </summary>
internal static class PipelineEmitter
{
    public static string HintName(PipelinePlan pipeline) => "Mediator." + pipeline.ClassName + ".g.cs";

    public static string Emit(PipelinePlan pipeline)
    {
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        using (writer.Block("namespace " + pipeline.Namespace))
        using (writer.Block("partial class Mediator"))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The compiled pipeline of <c>" + Code.Doc(pipeline.RequestType) + "</c>, outermost first:");
            writer.Line("/// " + Code.PipelineSummary(pipeline) + ".");
            writer.Line("/// </summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal sealed class " + pipeline.ClassName))
            {
                WriteFields(writer, pipeline);
                writer.Line();
                WriteConstructor(writer, pipeline);
                writer.Line();
                writer.Line("/// <summary>Runs the request through every step and the handler.</summary>");
                writer.Line(Code.AggressiveInlining);
                writer.Line("public " + Code.ValueTask(pipeline.ResponseType) + " InvokeAsync(" + pipeline.RequestType + " request, " + Code.MessageContext + " context)");
                writer.Line("    => " + StepCall(pipeline, 0, "this") + ";");
                for (var step = 1; step <= pipeline.Steps.Count; step++)
                {
                    writer.Line();
                    WriteNextStruct(writer, pipeline, step);
                }
            }
        }

        return writer.ToString();
    }

    private static void WriteFields(SourceWriter writer, PipelinePlan pipeline)
    {
        for (var i = 0; i < pipeline.Steps.Count; i++)
        {
            writer.Line("private readonly " + pipeline.Steps[i].MiddlewareType + " _step" + i + ";");
        }

        writer.Line("private readonly " + pipeline.HandlerType + " _handler;");
    }

    private static void WriteConstructor(SourceWriter writer, PipelinePlan pipeline)
    {
        var parameters = new System.Collections.Generic.List<string>();
        for (var i = 0; i < pipeline.Steps.Count; i++)
        {
            parameters.Add(pipeline.Steps[i].MiddlewareType + " step" + i);
        }

        parameters.Add(pipeline.HandlerType + " handler");
        using (writer.Block("public " + pipeline.ClassName + "(" + string.Join(", ", parameters) + ")"))
        {
            for (var i = 0; i < pipeline.Steps.Count; i++)
            {
                writer.Line("_step" + i + " = step" + i + " ?? throw new global::System.ArgumentNullException(nameof(step" + i + "));");
            }

            writer.Line("_handler = handler ?? throw new global::System.ArgumentNullException(nameof(handler));");
        }
    }

    /// <summary>The struct that stands for "everything from step <paramref name="index"/> inwards".</summary>
    private static void WriteNextStruct(SourceWriter writer, PipelinePlan pipeline, int index)
    {
        var contract = "global::Mediator.INext<" + pipeline.RequestType + ", " + pipeline.ResponseType + ">";
        using (writer.Block("private readonly struct Next" + index + " : " + contract))
        {
            writer.Line("private readonly " + pipeline.ClassName + " _pipeline;");
            writer.Line();
            writer.Line("public Next" + index + "(" + pipeline.ClassName + " pipeline) => _pipeline = pipeline;");
            writer.Line();
            writer.Line(Code.AggressiveInlining);
            writer.Line("public " + Code.ValueTask(pipeline.ResponseType) + " InvokeAsync(" + pipeline.RequestType + " request, " + Code.MessageContext + " context)");
            writer.Line("    => " + StepCall(pipeline, index, "_pipeline") + ";");
        }
    }

    /// <summary>The call made at step <paramref name="index"/>: the next middleware, or the handler after the last.</summary>
    private static string StepCall(PipelinePlan pipeline, int index, string owner)
    {
        if (index < pipeline.Steps.Count)
        {
            var step = pipeline.Steps[index];
            var target = owner + "._step" + index;
            if (!step.IsImplicit)
            {
                target = "((global::Mediator.IRequestMiddleware<" + pipeline.RequestType + ", " + pipeline.ResponseType + ">)" + target + ")";
            }

            return target + ".InvokeAsync(request, new Next" + (index + 1) + "(" + owner + "), context)";
        }

        var handler = owner + "._handler";
        if (!pipeline.HandlerIsImplicit)
        {
            handler = pipeline.IsVoid
                ? "((global::Mediator.IRequestHandler<" + pipeline.RequestType + ">)" + handler + ")"
                : "((global::Mediator.IRequestHandler<" + pipeline.RequestType + ", " + pipeline.ResponseType + ">)" + handler + ")";
        }

        var call = handler + ".Handle(request, context.CancellationToken)";
        return pipeline.IsVoid ? "global::Mediator.Internal.ValueTasks.ToUnit(" + call + ")" : call;
    }
}
