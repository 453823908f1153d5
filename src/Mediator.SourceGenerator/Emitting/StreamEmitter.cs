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
        var writer = Code.MediatorFile(plan);
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            foreach (var pipeline in TypedStreams(plan))
            {
                WriteTypedCreateStream(writer, pipeline);
                writer.Line();
            }

            // The item test keeps a request that implements several IStreamRequest<T> on the pipeline of the right one.
            var types = plan.Streams.Select(p => p.Shape.MessageType).Distinct().ToList();
            GenericDispatchWriter.Write(writer, CreateStream(ModuleFallback.CreateStream(plan)), types, plan.Streams.Select(p => new DispatchTarget(p.Shape, TestsResult: true)).ToList());
            writer.Line();
            ObjectDispatch.WriteCreateStream(writer, plan, DispatchState.Fields);
        }

        return writer.ToString();
    }

    /// <summary>
    /// The pipelines with a typed <c>CreateStream</c> overload. A stream request with several item types has several
    /// pipelines but one typed overload (C# cannot overload on the return type): the first by item type; the generic
    /// CreateStream reaches the others.
    /// </summary>
    public static IEnumerable<StreamPlan> TypedStreams(MediatorPlan plan)
        => plan.Streams.GroupBy(p => p.Shape.MessageType.Display).Select(g => g.First());

    /// <summary>The name of the stream request table, when the generic paths use one.</summary>
    public const string StreamIndex = "StreamRequestTypes";

    public static string Stream(string item) => "global::System.Collections.Generic.IAsyncEnumerable<" + item + ">";

    private static void WriteTypedCreateStream(SourceWriter writer, StreamPlan pipeline)
    {
        var shape = pipeline.Shape;
        writer.Line("/// <summary>");
        writer.Line("/// Opens the stream of <c>" + Code.Doc(shape.MessageType.Display) + "</c> through its compiled pipeline, outermost first:");
        writer.Line("/// " + Code.Chain(pipeline.Steps, pipeline.HandlerType) + ".");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"request\">The stream request.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Passed to the middlewares and the handler; cancel it to stop the stream.</param>");
        UsageEmitter.WriteOverloadMarks(writer, shape.SignatureUsage);
        using (writer.Block(Code.Accessibility(shape) + " " + Stream(shape.ResultType.Display) + " CreateStream(" + shape.MessageType.Display + " request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!shape.IsValueType)
            {
                writer.Line("if (request is null) ThrowRequestNull();");
            }

            writer.Line("return " + Code.InvokePipeline(shape, "request") + ";");
        }
    }

    /// <summary>
    /// <c>ISender.CreateStream&lt;TItem&gt;</c>: every test also tests the item type; after it the pipeline's stream is the
    /// caller's, a reinterpretation, not a conversion.
    /// </summary>
    private static GenericDispatch CreateStream(ModuleFallback? modules) => new(
        methodName: "CreateStream",
        returnType: Stream("TItem"),
        typeParameters: "<TItem>",
        message: ("global::Mediator.IStreamRequest<TItem>", "request"),
        resultParameter: "TItem",
        indexName: StreamIndex)
    {
        IndexDescription = "stream request types",
        Call = (pipeline, request) => Code.Unsafe + ".As<" + Stream("TItem") + ">(" + Code.InvokePipeline(pipeline, request) + ")",
        CallOnNextLine = true,
        Modules = modules,
    };
}
