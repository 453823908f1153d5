using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Keeps <c>[Obsolete]</c> and <c>[Experimental]</c> types of the user's from failing or warning the build through
/// generated code, while the user's own uses still report:
/// <list type="bullet">
/// <item>A pipeline that names an obsolete type is itself marked <c>[Obsolete]</c> (a warning, CS0618): inside it, C#
/// reports no use of an obsolete type, <c>error: true</c> and custom <c>DiagnosticId</c>s included. Code outside it
/// names only the pipeline class, never the obsolete types: the mediator's generic dispatch goes through the
/// pipeline's static members (<see cref="WriteRequestMembers"/>), the registration through its <c>Register</c>. The
/// files that name such a pipeline suppress CS0618.</item>
/// <item>Experimental types are reported under their own IDs even in an obsolete context, and those IDs are
/// suppressible: every generated file that names one disables its ID.</item>
/// <item>The typed overload of a message (<c>Send(OldRequest)</c>) carries copies of the marks of the types in its
/// signature, so a user's call reports as a use of the message would, and the overload's own body is silent.</item>
/// </list>
/// </summary>
internal static class UsageEmitter
{
    /// <summary>The attribute on a pipeline class that names obsolete types.</summary>
    public const string ObsoleteContext =
        "[global::System.Obsolete(\"Generated: names obsolete types of the program's messages, handlers or middleware, which C# accepts silently only inside an obsolete member. Used by the generated mediator only.\")]";

    /// <summary>
    /// The <c>#pragma</c> lines of a file whose code meets <paramref name="marks"/>, after the file header; with
    /// <paramref name="namesObsoleteContexts"/>, it also names pipeline classes marked <see cref="ObsoleteContext"/>.
    /// </summary>
    public static void WriteSuppressions(SourceWriter writer, IEnumerable<UsageMark> marks, bool namesObsoleteContexts)
    {
        var ids = marks.ExperimentalIds().Distinct(System.StringComparer.Ordinal).OrderBy(i => i, System.StringComparer.Ordinal).ToList();
        if (namesObsoleteContexts)
        {
            writer.Line("// Pipelines of obsolete types are marked [Obsolete] so that C# accepts those types inside them; this file may name such pipelines.");
            writer.Line("#pragma warning disable CS0618");
        }

        if (ids.Count > 0)
        {
            writer.Line("// Experimental types the messages, handlers or middleware use: the program's own uses of them still report.");
            writer.Line("#pragma warning disable " + string.Join(", ", ids));
        }

        if (namesObsoleteContexts || ids.Count > 0)
        {
            writer.Line();
        }
    }

    /// <summary>
    /// The copies a typed overload carries: one <c>[Obsolete]</c> (C# allows one; an error one first) and one
    /// <c>[Experimental]</c>, from the types in its signature.
    /// </summary>
    public static void WriteOverloadMarks(SourceWriter writer, EquatableArray<UsageMark> signature)
    {
        if (signature.Where(m => m.Kind == UsageMarkKind.Obsolete).OrderByDescending(m => m.IsError).FirstOrDefault() is { } obsolete)
        {
            writer.Line(obsolete.Attribute);
        }

        // An [Experimental] whose ID could not be read cannot be copied (the attribute needs one); the user's code then
        // does not compile anyway.
        if (signature.FirstOrDefault(m => m.Kind == UsageMarkKind.Experimental && m.Arguments.Length > 0) is { } experimental)
        {
            writer.Line(experimental.Attribute);
        }
    }

    /// <summary>Before a pipeline class: its obsolete context when it needs one.</summary>
    public static void WriteClassMark(SourceWriter writer, EquatableArray<UsageMark> usage)
    {
        if (usage.NeedObsoleteContext())
        {
            writer.Line(ObsoleteContext);
        }
    }

    /// <summary><c>partial</c> for a pipeline class in an obsolete context: its <c>Register</c> is written with <c>AddMediator()</c>.</summary>
    public static string ClassModifiers(EquatableArray<UsageMark> usage) => usage.NeedObsoleteContext() ? "internal sealed partial class " : "internal sealed class ";

    /// <summary>As <see cref="ClassModifiers"/>, for a pipeline that is a value type (<see cref="PipelineConstruction.IsValueType"/>).</summary>
    public static string StructModifiers(EquatableArray<UsageMark> usage) => usage.NeedObsoleteContext() ? "internal readonly partial struct " : "internal readonly struct ";

    /// <summary>
    /// The members through which the mediator reaches a request pipeline in an obsolete context without naming its
    /// types: the request type, the response test, the instance test, and the typed calls.
    /// </summary>
    public static void WriteRequestMembers(SourceWriter writer, PipelinePlan pipeline)
    {
        WriteTypeMembers(writer, pipeline.Shape, "TResponse");
        writer.Line();
        writer.Line("/// <summary>The generic <c>Send</c>'s call, once its type tests chose this pipeline: the response is this pipeline's.</summary>");
        using (writer.Block("internal static " + Code.ValueTask("TResponse") + " Forward<TResponse>(" + pipeline.Shape.ClassName + " pipeline, global::Mediator.IRequest<TResponse> request, " + Code.CancellationToken + " cancellationToken)"))
        {
            writer.Line(Code.ValueTask(pipeline.Shape.ResultType.Display) + " task = pipeline.InvokeAsync(" + Code.Cast(pipeline.Shape, "request") + ", " + Code.Context(pipeline.Shape) + ");");
            writer.Line("return " + Code.Unsafe + ".As<" + Code.ValueTask(pipeline.Shape.ResultType.Display) + ", " + Code.ValueTask("TResponse") + ">(ref task);");
        }

        writer.Line();
        writer.Line("/// <summary>The call of <c>Send(object)</c> and of the module entry that takes an object, once their type tests chose this pipeline: the answer, boxed.</summary>");
        writer.Line("internal static " + Code.ObjectTask + " ForwardObject(" + pipeline.Shape.ClassName + " pipeline, object request, " + Code.CancellationToken + " cancellationToken)");
        writer.Line("    => " + Code.DynamicDispatch + ".ToObject(pipeline.InvokeAsync(" + Code.Cast(pipeline.Shape, "request") + ", " + Code.Context(pipeline.Shape) + "));");
        if (pipeline.IsVoid)
        {
            writer.Line();
            writer.Line("/// <summary>The generic void <c>Send</c>'s call, once its type tests chose this pipeline.</summary>");
            writer.Line("internal static global::System.Threading.Tasks.ValueTask ForwardVoid(" + pipeline.Shape.ClassName + " pipeline, global::Mediator.IRequest request, " + Code.CancellationToken + " cancellationToken)");
            writer.Line("    => global::Mediator.Internal.ValueTasks.ToVoid(pipeline.InvokeAsync(" + Code.Cast(pipeline.Shape, "request") + ", " + Code.Context(pipeline.Shape) + "));");
        }
    }

    /// <summary>As <see cref="WriteRequestMembers"/>, for a stream pipeline.</summary>
    public static void WriteStreamMembers(SourceWriter writer, StreamPlan pipeline)
    {
        WriteTypeMembers(writer, pipeline.Shape, "TItem");
        writer.Line();
        writer.Line("/// <summary>The generic <c>CreateStream</c>'s call, once its type tests chose this pipeline: the item type is this pipeline's.</summary>");
        writer.Line("internal static global::System.Collections.Generic.IAsyncEnumerable<TItem> Forward<TItem>(" + pipeline.Shape.ClassName + " pipeline, global::Mediator.IStreamRequest<TItem> request, " + Code.CancellationToken + " cancellationToken)");
        writer.Line("    => " + Code.Unsafe + ".As<global::System.Collections.Generic.IAsyncEnumerable<TItem>>(pipeline.InvokeAsync(" + Code.Cast(pipeline.Shape, "request") + ", " + Code.Context(pipeline.Shape) + "));");
        writer.Line();
        writer.Line("/// <summary>The call of <c>CreateStream(object)</c> and of the module entry that takes an object, once their type tests chose this pipeline.</summary>");
        writer.Line("internal static " + Code.ObjectStream + " ForwardObject(" + pipeline.Shape.ClassName + " pipeline, object request, " + Code.CancellationToken + " cancellationToken)");
        writer.Line("    => " + Code.DynamicDispatch + ".ToObjects(pipeline.InvokeAsync(" + Code.Cast(pipeline.Shape, "request") + ", " + Code.Context(pipeline.Shape) + "));");
    }

    /// <summary>As <see cref="WriteRequestMembers"/>, for a notification pipeline.</summary>
    public static void WriteNotificationMembers(SourceWriter writer, NotificationPlan pipeline)
    {
        WriteTypeMembers(writer, pipeline.Shape, null);
        writer.Line();
        writer.Line("/// <summary>The generic <c>Publish</c>'s call, once its type tests chose this pipeline (and the notification is not null).</summary>");
        writer.Line("internal static global::System.Threading.Tasks.ValueTask Forward<TNotification>(" + pipeline.Shape.ClassName + " pipeline, TNotification notification, " + Code.CancellationToken + " cancellationToken)");
        writer.Line("    => pipeline.InvokeAsync(" + Code.Cast(pipeline.Shape, "notification!") + ", " + Code.Context(pipeline.Shape) + ");");
    }

    private static void WriteTypeMembers(SourceWriter writer, MessageShape pipeline, string? resultParameter)
    {
        writer.Line("/// <summary>The message type, for the generic dispatch's type tests, which do not name it.</summary>");
        writer.Line("internal static readonly global::System.Type MessageType = typeof(" + pipeline.MessageType.TypeOfOperand + ");");
        writer.Line();
        writer.Line("/// <summary>Whether <paramref name=\"value\"/> is the message type or derives from it.</summary>");
        writer.Line("internal static bool IsInstance<T>(T value) => value is " + pipeline.MessageType.Display + ";");
        if (resultParameter is not null)
        {
            writer.Line();
            writer.Line("/// <summary>Whether <typeparamref name=\"" + resultParameter + "\"/> is this pipeline's result type.</summary>");
            writer.Line("internal static bool Answers<" + resultParameter + ">() => typeof(" + resultParameter + ") == typeof(" + pipeline.ResultType.TypeOfOperand + ");");
        }
    }
}
