using System.Collections.Generic;
using System.Linq;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes the concrete <c>Mediator</c> class: one typed <c>Send</c> overload per request (the zero-overhead path),
/// the generic <c>ISender</c> methods (exact type tests, or above <see cref="TypeSwitch.ChainLimit"/> request types a
/// table lookup and a switch; no reflection), and the cache of singleton pipelines.
/// </summary>
internal static class MediatorEmitter
{
    public const string HintName = "Mediator.g.cs";

    public static string Emit(MediatorPlan plan)
    {
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        UsageEmitter.WriteSuppressions(writer, Code.AllUsage(plan), Code.HasObsoleteContexts(plan));
        using (writer.Block("namespace " + plan.Mediator.Namespace))
        {
            writer.Line("/// <summary>");
            writer.Line("/// The mediator compiled for this assembly: every message has a typed <c>Send</c>, <c>Publish</c> or <c>CreateStream</c> overload that calls its");
            writer.Line("/// middlewares and handler directly. Resolve it, or <c>global::Mediator.IMediator</c>, after <c>services.AddMediator()</c>.");
            writer.Line("/// </summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("public sealed partial class " + plan.Mediator.ClassName + " : global::Mediator.IMediator"))
            {
                writer.Line("private readonly " + Code.ServiceProvider + " _services;");
                writer.Line("private readonly PipelineCache _pipelines;");
                writer.Line();
                writer.Line("/// <summary>Creates the mediator over the current scope's services; <c>AddMediator()</c> registers this.</summary>");
                using (writer.Block("internal " + plan.Mediator.ClassName + "(" + Code.ServiceProvider + " services, PipelineCache pipelines)"))
                {
                    writer.Line("_services = services ?? throw new global::System.ArgumentNullException(\"services\");");
                    writer.Line("_pipelines = pipelines ?? throw new global::System.ArgumentNullException(\"pipelines\");");
                }

                // A request with several responses has several pipelines but one typed overload (C# cannot overload on the
                // return type): the void one, else the first by response; the generic Send reaches the others.
                foreach (var pipeline in plan.Pipelines.GroupBy(p => p.RequestType.Display).Select(g => g.OrderByDescending(p => p.IsVoid).First()))
                {
                    writer.Line();
                    WriteTypedSend(writer, pipeline);
                }

                writer.Line();
                WriteGenericSend(writer, plan);
                writer.Line();
                WriteGenericVoidSend(writer, plan);
                writer.Line();
                WriteHelpers(writer, plan.Mediator);
                writer.Line();
                WritePipelineCache(writer, plan);
            }
        }

        return writer.ToString();
    }

    private static void WriteTypedSend(SourceWriter writer, PipelinePlan pipeline)
    {
        var request = pipeline.RequestType.Display;
        writer.Line("/// <summary>");
        writer.Line("/// Sends <c>" + Code.Doc(request) + "</c> through its compiled pipeline, outermost first:");
        writer.Line("/// " + Code.PipelineSummary(pipeline) + ".");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"request\">The request.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Observed by the middlewares and passed to the handler.</param>");
        var returns = pipeline.IsVoid ? "global::System.Threading.Tasks.ValueTask" : Code.ValueTask(pipeline.ResponseType.Display);
        UsageEmitter.WriteOverloadMarks(writer, pipeline.SignatureUsage);
        writer.Line(Code.AggressiveInlining);
        using (writer.Block(Code.Accessibility(pipeline) + " " + returns + " Send(" + request + " request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            if (!pipeline.RequestIsValueType)
            {
                writer.Line("if (request is null) ThrowRequestNull();");
            }

            var invoke = PipelineInstance(pipeline) + ".InvokeAsync(request, new " + Code.MessageContext + "(typeof(" + pipeline.RequestType.TypeOfOperand + "), cancellationToken))";
            writer.Line("return " + (pipeline.IsVoid ? "global::Mediator.Internal.ValueTasks.ToVoid(" + invoke + ")" : invoke) + ";");
        }
    }

    private static string PipelineInstance(PipelinePlan pipeline) => PipelineInstance(pipeline.ClassName, pipeline.HandlerLifetime);

    /// <summary>Singleton pipelines come from the cache; scoped and transient ones from the current scope, per dispatch.</summary>
    public static string PipelineInstance(string className, ServiceLifetimeKind lifetime)
        => lifetime == ServiceLifetimeKind.Singleton
            ? "_pipelines." + className
            : "Resolve<" + className + ">(_services)";

    /// <summary>After an exact type test the cast cannot fail: reference types are reinterpreted, structs unboxed.</summary>
    public static string Cast(string type, bool isValueType, string variable)
        => isValueType
            ? "(" + type + ")(object)" + variable
            : Code.Unsafe + ".As<" + type + ">(" + variable + ")";

    /// <summary>The name of the request table, when the generic paths use one.</summary>
    private const string RequestIndex = "RequestTypes";

    /// <summary>Request types in pipeline order, each once (a request with several responses has several pipelines).</summary>
    private static IReadOnlyList<TypeRef> RequestTypes(MediatorPlan plan) => plan.Pipelines.Select(p => p.RequestType).Distinct().ToList();

    private static void WriteGenericSend(SourceWriter writer, MediatorPlan plan)
    {
        var requestTypes = RequestTypes(plan);
        var table = TypeSwitch.UsesTable(requestTypes.Count);
        if (table)
        {
            TypeSwitch.WriteIndex(writer, RequestIndex, requestTypes.Select(t => TypeOf(plan.Pipelines.Where(p => p.RequestType == t))).ToList(), "request types");
            writer.Line();
        }

        writer.Line("/// <inheritdoc />");
        using (writer.Block("public " + Code.ValueTask("TResponse") + " Send<TResponse>(global::Mediator.IRequest<TResponse> request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            writer.Line("if (request is null) ThrowRequestNull();");
            if (table)
            {
                var byType = plan.Pipelines.ToLookup(p => p.RequestType);
                TypeSwitch.WriteSwitch(writer, RequestIndex, TypeSwitch.HandleOf("request"), TypeSwitch.All(requestTypes), (w, i) =>
                {
                    foreach (var pipeline in byType[requestTypes[i]])
                    {
                        var call = "return " + GenericHelper(pipeline) + "(request, cancellationToken);";
                        if (!pipeline.GuardResponseType)
                        {
                            w.Line(call);
                            return true;
                        }

                        w.Line("if (" + ResponseTest(pipeline) + ") " + call);
                    }

                    return false;
                });
            }
            else
            {
                writer.Line("global::System.Type type = request.GetType();");
                foreach (var pipeline in plan.Pipelines)
                {
                    var guard = pipeline.GuardResponseType ? " && " + ResponseTest(pipeline) : string.Empty;
                    if (InObsoleteContext(pipeline))
                    {
                        writer.Line("if (type == " + TypeOf(new[] { pipeline }) + guard + ") return " + Forward(pipeline) + ";");
                        continue;
                    }

                    using (writer.Block("if (type == typeof(" + pipeline.RequestType.TypeOfOperand + ")" + guard + ")"))
                    {
                        WriteForwardToPipeline(writer, pipeline, Unbox(pipeline, "request"), "The tests above make");
                    }
                }
            }

            writer.Line("return SendToBaseType(request, cancellationToken);");
        }

        writer.Line();
        writer.Line("/// <summary>The request's exact type has no pipeline: try the pipelines of its base classes, most derived first.</summary>");
        using (writer.Block("private " + Code.ValueTask("TResponse") + " SendToBaseType<TResponse>(global::Mediator.IRequest<TResponse> request, " + Code.CancellationToken + " cancellationToken)"))
        {
            var index = 0;
            foreach (var pipeline in Code.DeepestFirst(plan.Pipelines, p => p.RequestCanBeDerived, p => p.InheritanceDepth, p => p.RequestType.Display))
            {
                var guard = " && " + ResponseTest(pipeline);
                if (InObsoleteContext(pipeline))
                {
                    writer.Line("if (" + pipeline.ClassName + ".IsInstance(request)" + guard + ") return " + Forward(pipeline) + ";");
                    continue;
                }

                if (table)
                {
                    writer.Line("if (request is " + pipeline.RequestType.Display + guard + ") return " + GenericHelper(pipeline) + "(request, cancellationToken);");
                    continue;
                }

                var name = "r" + index++;
                using (writer.Block("if (request is " + pipeline.RequestType.Display + " " + name + guard + ")"))
                {
                    WriteForwardToPipeline(writer, pipeline, name, "The tests above make");
                }
            }

            writer.Line("throw new global::Mediator.HandlerNotFoundException(request.GetType());");
        }

        if (table)
        {
            foreach (var pipeline in plan.Pipelines)
            {
                writer.Line();
                writer.Line("/// <summary>The generic <c>Send</c>'s way into <c>" + pipeline.ClassName + "</c>, out of line so that the dispatching method stays small.</summary>");
                writer.Line(TypeSwitch.NoInlining);
                using (writer.Block("private " + Code.ValueTask("TResponse") + " " + GenericHelper(pipeline) + "<TResponse>(global::Mediator.IRequest<TResponse> request, " + Code.CancellationToken + " cancellationToken)"))
                {
                    if (InObsoleteContext(pipeline))
                    {
                        writer.Line("return " + Forward(pipeline) + ";");
                    }
                    else
                    {
                        WriteForwardToPipeline(writer, pipeline, Unbox(pipeline, "request"), "The caller's type tests make");
                    }
                }
            }
        }
    }

    /// <summary>
    /// The generic <c>Send</c>'s way into a pipeline: the pipeline class's name and a suffix. Pipeline classes end in
    /// "Pipeline" and maybe a number, so no helper can be named like one (a prefix could: <c>SendThroughPingPipeline</c>
    /// is the pipeline class of a request named <c>SendThroughPing</c>).
    /// </summary>
    private static string GenericHelper(PipelinePlan pipeline) => pipeline.ClassName + "Send";

    private static string VoidHelper(PipelinePlan pipeline) => pipeline.ClassName + "SendVoid";

    /// <summary>A pipeline in an obsolete context (<see cref="UsageEmitter"/>): the mediator names its class only.</summary>
    private static bool InObsoleteContext(PipelinePlan pipeline) => pipeline.Usage.NeedObsoleteContext();

    /// <summary>The request type of <paramref name="pipelines"/> (of one request type) as a type table entry or type test operand.</summary>
    private static string TypeOf(IEnumerable<PipelinePlan> pipelines)
    {
        var all = pipelines.ToList();
        return all.FirstOrDefault(InObsoleteContext) is { } shielded ? shielded.ClassName + ".MessageType" : "typeof(" + all[0].RequestType.TypeOfOperand + ")";
    }

    private static string ResponseTest(PipelinePlan pipeline)
        => InObsoleteContext(pipeline) ? pipeline.ClassName + ".Answers<TResponse>()" : "typeof(TResponse) == typeof(" + pipeline.ResponseType.TypeOfOperand + ")";

    private static string Forward(PipelinePlan pipeline)
        => pipeline.ClassName + ".Forward<TResponse>(" + PipelineInstance(pipeline) + ", request, cancellationToken)";

    private static string ForwardVoid(PipelinePlan pipeline)
        => pipeline.ClassName + ".ForwardVoid(" + PipelineInstance(pipeline) + ", request, cancellationToken)";

    /// <summary>Calls the pipeline with the request already cast, and reinterprets its task as <c>ValueTask&lt;TResponse&gt;</c>.</summary>
    private static void WriteForwardToPipeline(SourceWriter writer, PipelinePlan pipeline, string typedRequest, string because)
    {
        writer.Line(Code.ValueTask(pipeline.ResponseType.Display) + " task = " + PipelineInstance(pipeline) + ".InvokeAsync(" + typedRequest + ", new " + Code.MessageContext + "(typeof(" + pipeline.RequestType.TypeOfOperand + "), cancellationToken));");
        writer.Line("// " + because + " TResponse " + Code.Doc(pipeline.ResponseType.Display) + ", so this reinterprets nothing.");
        writer.Line("return " + Code.Unsafe + ".As<" + Code.ValueTask(pipeline.ResponseType.Display) + ", " + Code.ValueTask("TResponse") + ">(ref task);");
    }

    private static void WriteGenericVoidSend(SourceWriter writer, MediatorPlan plan)
    {
        // Its own choice: a project with many requests but few void ones keeps the short chain here.
        var requestTypes = RequestTypes(plan);
        var voids = plan.Pipelines.Where(p => p.IsVoid).ToList();
        var table = TypeSwitch.UsesTable(voids.Count);
        writer.Line("/// <inheritdoc />");
        using (writer.Block("public global::System.Threading.Tasks.ValueTask Send(global::Mediator.IRequest request, " + Code.CancellationToken + " cancellationToken = default)"))
        {
            writer.Line("if (request is null) ThrowRequestNull();");
            if (table)
            {
                var byType = voids.ToDictionary(p => p.RequestType);
                var cases = TypeSwitch.All(requestTypes).Where(c => byType.ContainsKey(c.Value));
                TypeSwitch.WriteSwitch(writer, RequestIndex, TypeSwitch.HandleOf("request"), cases, (w, i) =>
                {
                    w.Line("return " + VoidHelper(byType[requestTypes[i]]) + "(request, cancellationToken);");
                    return true;
                });
            }
            else if (voids.Count > 0)
            {
                writer.Line("global::System.Type type = request.GetType();");
                foreach (var pipeline in voids)
                {
                    writer.Line("if (type == " + TypeOf(new[] { pipeline }) + ") return " + (InObsoleteContext(pipeline) ? ForwardVoid(pipeline) : "Send(" + Unbox(pipeline, "request") + ", cancellationToken)") + ";");
                }
            }

            var index = 0;
            foreach (var pipeline in Code.DeepestFirst(voids, p => p.RequestCanBeDerived, p => p.InheritanceDepth, p => p.RequestType.Display))
            {
                if (InObsoleteContext(pipeline))
                {
                    writer.Line("if (" + pipeline.ClassName + ".IsInstance(request)) return " + ForwardVoid(pipeline) + ";");
                    continue;
                }

                if (table)
                {
                    writer.Line("if (request is " + pipeline.RequestType.Display + ") return " + VoidHelper(pipeline) + "(request, cancellationToken);");
                    continue;
                }

                var name = "r" + index++;
                writer.Line("if (request is " + pipeline.RequestType.Display + " " + name + ") return Send(" + name + ", cancellationToken);");
            }

            writer.Line("throw new global::Mediator.HandlerNotFoundException(request.GetType());");
        }

        if (table)
        {
            foreach (var pipeline in voids)
            {
                writer.Line();
                writer.Line("/// <summary>The generic void <c>Send</c>'s way into <c>" + pipeline.ClassName + "</c>, out of line so that the dispatching method stays small.</summary>");
                writer.Line(TypeSwitch.NoInlining);
                writer.Line("private global::System.Threading.Tasks.ValueTask " + VoidHelper(pipeline) + "(global::Mediator.IRequest request, " + Code.CancellationToken + " cancellationToken)");
                writer.Line("    => " + (InObsoleteContext(pipeline) ? ForwardVoid(pipeline) : "Send(" + Unbox(pipeline, "request") + ", cancellationToken)") + ";");
            }
        }
    }

    /// <summary>After an exact type test the cast cannot fail: reference types are reinterpreted, structs unboxed.</summary>
    private static string Unbox(PipelinePlan pipeline, string variable) => Cast(pipeline.RequestType.Display, pipeline.RequestIsValueType, variable);

    private static void WriteHelpers(SourceWriter writer, MediatorName mediator)
    {
        writer.Line("[global::System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        writer.Line("private static void ThrowRequestNull() => throw new global::System.ArgumentNullException(\"request\");");
        writer.Line();
        using (writer.Block("private static T Resolve<T>(" + Code.ServiceProvider + " services) where T : class"))
        {
            writer.Line("return services.GetService(typeof(T)) as T ?? throw new global::System.InvalidOperationException(");
            writer.Line("    \"The pipeline '\" + typeof(T).FullName + \"' is not registered: call services." + mediator.RegistrationMethod + "() when configuring services, and resolve the mediator from that container.\");");
        }
    }

    private static void WritePipelineCache(SourceWriter writer, MediatorPlan plan)
    {
        writer.Line("/// <summary>Singleton pipelines, resolved on first use and kept for the life of the container.</summary>");
        writer.Line(Code.GeneratedCode);
        using (writer.Block("internal sealed class PipelineCache"))
        {
            writer.Line("private readonly " + Code.ServiceProvider + " _services;");
            var singletons = plan.Pipelines.Select(p => (p.ClassName, Lifetime: p.HandlerLifetime))
                .Concat(plan.Notifications.Select(p => (p.ClassName, p.Lifetime)))
                .Concat(plan.Streams.Select(p => (p.ClassName, Lifetime: p.HandlerLifetime)))
                .Where(p => p.Lifetime == ServiceLifetimeKind.Singleton)
                .Select(p => p.ClassName)
                .ToList();
            foreach (var className in singletons)
            {
                writer.Line("private " + className + "? " + Code.FieldName(className) + ";");
            }

            writer.Line();
            writer.Line("public PipelineCache(" + Code.ServiceProvider + " services) => _services = services ?? throw new global::System.ArgumentNullException(\"services\");");
            foreach (var className in singletons)
            {
                writer.Line();
                writer.Line("public " + className + " " + className);
                writer.Line("{");
                writer.Line("    " + Code.AggressiveInlining);
                writer.Line("    get => " + Code.FieldName(className) + " ?? (" + Code.FieldName(className) + " = Resolve<" + className + ">(_services));");
                writer.Line("}");
            }
        }
    }
}
