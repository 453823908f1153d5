using System.Linq;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Planning;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes the mediator's <c>CreateStream</c> methods: one typed overload per stream request type, and the generic
/// <c>ISender.CreateStream</c> (exact type tests, or a table lookup and a switch above <see cref="TypeSwitch.ChainLimit"/>
/// types; then base classes deepest first).
/// </summary>
internal static class StreamEmitter
{
    public const string HintName = "Mediator.CreateStream.g.cs";

    public static string Emit(MediatorPlan plan)
    {
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        using (writer.Block("namespace " + plan.Namespace))
        using (writer.Block("partial class Mediator"))
        {
            // A stream request with several item types has several pipelines but one typed overload (C# cannot overload
            // on the return type): the first by item type; the generic CreateStream reaches the others.
            foreach (var pipeline in plan.Streams.GroupBy(p => p.RequestType.Display).Select(g => g.First()))
            {
                WriteTypedCreateStream(writer, pipeline);
                writer.Line();
            }

            WriteGenericCreateStream(writer, plan);
        }

        return writer.ToString();
    }

    private static string Stream(string item) => "global::System.Collections.Generic.IAsyncEnumerable<" + item + ">";

    private static void WriteTypedCreateStream(SourceWriter writer, StreamPlan pipeline)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Opens the stream of <c>" + Code.Doc(pipeline.RequestType.Display) + "</c> through its compiled pipeline, outermost first:");
        writer.Line("/// " + Code.Chain(pipeline.Steps, pipeline.HandlerType) + ".");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"request\">The stream request.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Passed to the middlewares and the handler; cancel it to stop the stream.</param>");
        var access = pipeline.IsPublic ? "public" : "internal";
        using (writer.Block(access + " " + Stream(pipeline.ItemType.Display) + " CreateStream(" + pipeline.RequestType.Display + " request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!pipeline.RequestIsValueType)
            {
                writer.Line("if (request is null) ThrowRequestNull();");
            }

            writer.Line("return " + Invoke(pipeline, "request") + ";");
        }
    }

    private static string Invoke(StreamPlan pipeline, string request)
        => MediatorEmitter.PipelineInstance(pipeline.ClassName, pipeline.HandlerLifetime)
            + ".InvokeAsync(" + request + ", new " + Code.MessageContext + "(typeof(" + pipeline.RequestType.TypeOfOperand + "), cancellationToken))";

    private const string StreamIndex = "StreamRequestTypes";

    private static string Helper(StreamPlan pipeline) => PipelineNames.CreateStreamHelperPrefix + pipeline.ClassName;

    private static void WriteGenericCreateStream(SourceWriter writer, MediatorPlan plan)
    {
        var types = plan.Streams.Select(p => p.RequestType).Distinct().ToList();
        var table = TypeSwitch.UsesTable(types.Count);
        if (table)
        {
            TypeSwitch.WriteIndex(writer, StreamIndex, types, "stream request types");
            writer.Line();
        }

        writer.Line("/// <inheritdoc />");
        using (writer.Block("public " + Stream("TItem") + " CreateStream<TItem>(global::Mediator.IStreamRequest<TItem> request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            writer.Line("if (request is null) ThrowRequestNull();");

            // The item test keeps a request that implements several IStreamRequest<T> on the pipeline of the right one.
            if (table)
            {
                var byType = plan.Streams.ToLookup(p => p.RequestType);
                TypeSwitch.WriteSwitch(writer, StreamIndex, TypeSwitch.HandleOf("request"), TypeSwitch.All(types), (w, i) =>
                {
                    foreach (var pipeline in byType[types[i]])
                    {
                        w.Line("if (typeof(TItem) == typeof(" + pipeline.ItemType.TypeOfOperand + ")) return " + Helper(pipeline) + "(request, cancellationToken);");
                    }

                    return false;
                });
            }
            else
            {
                if (plan.Streams.Count > 0)
                {
                    writer.Line("var type = request.GetType();");
                }

                foreach (var pipeline in plan.Streams)
                {
                    writer.Line("if (type == typeof(" + pipeline.RequestType.TypeOfOperand + ") && typeof(TItem) == typeof(" + pipeline.ItemType.TypeOfOperand + "))");
                    writer.Line("    return " + Reinterpret(Invoke(pipeline, MediatorEmitter.Cast(pipeline.RequestType.Display, pipeline.RequestIsValueType, "request"))) + ";");
                }
            }

            var index = 0;
            foreach (var pipeline in Code.DeepestFirst(plan.Streams, p => p.RequestCanBeDerived, p => p.InheritanceDepth, p => p.RequestType.Display))
            {
                if (table)
                {
                    writer.Line("if (request is " + pipeline.RequestType.Display + " && typeof(TItem) == typeof(" + pipeline.ItemType.TypeOfOperand + ")) return " + Helper(pipeline) + "(request, cancellationToken);");
                    continue;
                }

                var name = "r" + index++;
                writer.Line("if (request is " + pipeline.RequestType.Display + " " + name + " && typeof(TItem) == typeof(" + pipeline.ItemType.TypeOfOperand + "))");
                writer.Line("    return " + Reinterpret(Invoke(pipeline, name)) + ";");
            }

            writer.Line("throw new global::Mediator.HandlerNotFoundException(request.GetType());");
        }

        if (table)
        {
            foreach (var pipeline in plan.Streams)
            {
                writer.Line();
                writer.Line("/// <summary>The generic <c>CreateStream</c>'s way into <c>" + pipeline.ClassName + "</c>, out of line so that the dispatching method stays small.</summary>");
                writer.Line(TypeSwitch.NoInlining);
                writer.Line("private " + Stream("TItem") + " " + Helper(pipeline) + "<TItem>(global::Mediator.IStreamRequest<TItem> request, " + Code.CancellationToken + " cancellationToken)");
                writer.Line("    => " + Reinterpret(Invoke(pipeline, MediatorEmitter.Cast(pipeline.RequestType.Display, pipeline.RequestIsValueType, "request"))) + ";");
            }
        }
    }

    /// <summary>After the item type test, the pipeline's stream is the caller's: a reinterpretation, not a conversion.</summary>
    private static string Reinterpret(string stream) => Code.Unsafe + ".As<" + Stream("TItem") + ">(" + stream + ")";
}
