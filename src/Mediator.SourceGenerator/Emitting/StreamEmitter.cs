using System.Collections.Generic;
using System.Linq;
using Mediator.SourceGenerator.Model;

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
        UsageEmitter.WriteSuppressions(writer, Code.AllUsage(plan), Code.HasObsoleteContexts(plan));
        using (Code.MediatorPart(writer, plan.Mediator))
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
        UsageEmitter.WriteOverloadMarks(writer, pipeline.SignatureUsage);
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

    /// <summary>A pipeline in an obsolete context (<see cref="UsageEmitter"/>): named by its class only.</summary>
    private static bool InObsoleteContext(StreamPlan pipeline) => pipeline.Usage.NeedObsoleteContext();

    /// <summary>The request type of <paramref name="pipelines"/> (of one request type) as a type table entry or type test operand.</summary>
    private static string TypeOf(IEnumerable<StreamPlan> pipelines)
    {
        var all = pipelines.ToList();
        return all.FirstOrDefault(InObsoleteContext) is { } shielded ? shielded.ClassName + ".MessageType" : "typeof(" + all[0].RequestType.TypeOfOperand + ")";
    }

    private static string ItemTest(StreamPlan pipeline)
        => InObsoleteContext(pipeline) ? pipeline.ClassName + ".Answers<TItem>()" : "typeof(TItem) == typeof(" + pipeline.ItemType.TypeOfOperand + ")";

    private static string Forward(StreamPlan pipeline)
        => pipeline.ClassName + ".Forward<TItem>(" + MediatorEmitter.PipelineInstance(pipeline.ClassName, pipeline.HandlerLifetime) + ", request, cancellationToken)";

    /// <summary>The generic <c>CreateStream</c>'s way into a pipeline (a suffix, for the reason given at <c>MediatorEmitter.GenericHelper</c>).</summary>
    private static string Helper(StreamPlan pipeline) => pipeline.ClassName + "CreateStream";

    private static void WriteGenericCreateStream(SourceWriter writer, MediatorPlan plan)
    {
        var types = plan.Streams.Select(p => p.RequestType).Distinct().ToList();
        var table = TypeSwitch.UsesTable(types.Count);
        if (table)
        {
            TypeSwitch.WriteIndex(writer, StreamIndex, types.Select(t => TypeOf(plan.Streams.Where(p => p.RequestType == t))).ToList(), "stream request types");
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
                        w.Line("if (" + ItemTest(pipeline) + ") return " + Helper(pipeline) + "(request, cancellationToken);");
                    }

                    return false;
                });
            }
            else
            {
                if (plan.Streams.Count > 0)
                {
                    writer.Line("global::System.Type type = request.GetType();");
                }

                foreach (var pipeline in plan.Streams)
                {
                    writer.Line("if (type == " + TypeOf(new[] { pipeline }) + " && " + ItemTest(pipeline) + ")");
                    writer.Line("    return " + (InObsoleteContext(pipeline) ? Forward(pipeline) : Reinterpret(Invoke(pipeline, MediatorEmitter.Cast(pipeline.RequestType.Display, pipeline.RequestIsValueType, "request")))) + ";");
                }
            }

            var index = 0;
            foreach (var pipeline in Code.DeepestFirst(plan.Streams, p => p.RequestCanBeDerived, p => p.InheritanceDepth, p => p.RequestType.Display))
            {
                if (InObsoleteContext(pipeline))
                {
                    writer.Line("if (" + pipeline.ClassName + ".IsInstance(request) && " + ItemTest(pipeline) + ") return " + Forward(pipeline) + ";");
                    continue;
                }

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
                writer.Line("    => " + (InObsoleteContext(pipeline) ? Forward(pipeline) : Reinterpret(Invoke(pipeline, MediatorEmitter.Cast(pipeline.RequestType.Display, pipeline.RequestIsValueType, "request")))) + ";");
            }
        }
    }

    /// <summary>After the item type test, the pipeline's stream is the caller's: a reinterpretation, not a conversion.</summary>
    private static string Reinterpret(string stream) => Code.Unsafe + ".As<" + Stream("TItem") + ">(" + stream + ")";
}
