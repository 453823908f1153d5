using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// What one generic entry point of the mediator (<c>Send&lt;TResponse&gt;</c>, the void <c>Send</c>, <c>CreateStream</c>,
/// <c>Publish</c>) does differently from the others: its signature, its names, and how it calls the pipeline it chose.
/// <see cref="GenericDispatchWriter"/> writes what they share: the null check, the exact type tests (or the table and its
/// switch), the base-class tests, and the out-of-line helper per pipeline.
/// </summary>
internal abstract class GenericDispatch
{
    /// <summary>The method's name: <c>Send</c>, <c>CreateStream</c> or <c>Publish</c>.</summary>
    public abstract string MethodName { get; }

    /// <summary>What the method, and each of its helpers, returns.</summary>
    public abstract string ReturnType { get; }

    /// <summary>The method's type parameter list with its brackets, or empty.</summary>
    public abstract string TypeParameters { get; }

    /// <summary>The type of the message parameter.</summary>
    public abstract string MessageParameterType { get; }

    /// <summary>The message parameter's name: <c>request</c> or <c>notification</c>.</summary>
    public abstract string Message { get; }

    /// <summary>
    /// The type parameter that must be the pipeline's <see cref="MessageShape.ResultType"/> (<c>TResponse</c>,
    /// <c>TItem</c>), or null when the method has none: then any pipeline of the message's type will do.
    /// </summary>
    public abstract string? ResultParameter { get; }

    /// <summary>A <c>where</c> clause, written on its own line under the signature; null for none.</summary>
    public virtual string? Constraint => null;

    /// <summary>The name of the table of message types, when the dispatch uses one (<see cref="TypeSwitch"/>).</summary>
    public abstract string IndexName { get; }

    /// <summary>What the table lists, for its doc comment; null when another entry point writes the table and this one reads it.</summary>
    public abstract string? IndexDescription { get; }

    /// <summary>
    /// Appended to a pipeline class's name to name the out-of-line helper that reaches it. A suffix: pipeline classes end
    /// in "Pipeline" and maybe a number, so no helper can be named like one (a prefix could: <c>SendThroughPingPipeline</c>
    /// is the pipeline class of a request named <c>SendThroughPing</c>).
    /// </summary>
    public abstract string HelperSuffix { get; }

    /// <summary>Whose way into a pipeline a helper is, for its doc comment: <c>generic &lt;c&gt;Send&lt;/c&gt;'s</c>.</summary>
    public abstract string HelperOwner { get; }

    /// <summary>Said of every helper after the pipeline's name in its doc comment; empty for nothing.</summary>
    public virtual string HelperNote => string.Empty;

    /// <summary>The message as a helper passes it on, before the cast.</summary>
    public virtual string HelperArgument => Message;

    /// <summary>The static method of a pipeline class in an obsolete context that the dispatch calls instead of naming its types (<see cref="UsageEmitter"/>).</summary>
    public abstract string ForwardMethod { get; }

    /// <summary>The expression for the message's runtime type, for the exact type tests.</summary>
    public virtual string RuntimeType => Message + ".GetType()";

    /// <summary>The expression for the message's runtime type handle, for the table.</summary>
    public virtual string RuntimeTypeHandle => TypeSwitch.HandleOf(Message);

    /// <summary>
    /// The name of a method of its own for the base-class tests, called when no exact type matched; null to write them
    /// in the dispatching method itself.
    /// </summary>
    public virtual string? BaseTypeMethod => null;

    /// <summary>Whether the exact type tests read the runtime type even when there is no pipeline to test it against.</summary>
    public virtual bool ReadsTypeWithoutPipelines => false;

    /// <summary>The <c>ThrowRequestNull</c> or <c>ThrowNotificationNull</c> the null check calls.</summary>
    public string ThrowNull => "Throw" + char.ToUpperInvariant(Message[0]) + Message.Substring(1) + "Null";

    /// <summary>What the method does when no pipeline takes the message: throws, unless overridden.</summary>
    public virtual void WriteNotFound(SourceWriter writer)
        => writer.Line("throw new global::Mediator.HandlerNotFoundException(" + Message + ".GetType());");

    /// <summary>
    /// Writes a test and, when it holds, the call of <paramref name="pipeline"/> with the message already of its type
    /// (<paramref name="typedMessage"/>), or through <see cref="Forward"/> when the pipeline is in an obsolete context.
    /// <paramref name="chosenBy"/> names what made the type certain, for a comment.
    /// </summary>
    public abstract void WriteTaken(SourceWriter writer, string condition, MessageShape pipeline, string typedMessage, string chosenBy);

    /// <summary>Writes the signature and body of the out-of-line helper that reaches <paramref name="pipeline"/>.</summary>
    public abstract void WriteHelper(SourceWriter writer, string signature, MessageShape pipeline);

    /// <summary>The name of the helper that reaches <paramref name="pipeline"/>.</summary>
    public string Helper(MessageShape pipeline) => pipeline.ClassName + HelperSuffix;

    /// <summary>The call of a pipeline in an obsolete context, through its class's static members only.</summary>
    public string Forward(MessageShape pipeline)
        => pipeline.ClassName + "." + ForwardMethod + (ResultParameter is null ? string.Empty : "<" + ResultParameter + ">")
            + "(" + Code.PipelineInstance(pipeline) + ", " + Message + ", cancellationToken)";
}

/// <summary>A generic entry point whose call of the chosen pipeline is one expression, returned as it is.</summary>
internal abstract class ExpressionDispatch : GenericDispatch
{
    /// <summary>The call of <paramref name="pipeline"/> with the message already of its type.</summary>
    protected abstract string Call(MessageShape pipeline, string typedMessage);

    /// <summary>Whether the returned call goes on the line under its test (long calls) rather than after it.</summary>
    protected virtual bool CallOnNextLine => false;

    /// <inheritdoc />
    public override void WriteTaken(SourceWriter writer, string condition, MessageShape pipeline, string typedMessage, string chosenBy)
    {
        var call = pipeline.InObsoleteContext ? Forward(pipeline) : Call(pipeline, typedMessage);
        if (CallOnNextLine)
        {
            writer.Line("if (" + condition + ")");
            writer.Line("    return " + call + ";");
        }
        else
        {
            writer.Line("if (" + condition + ") return " + call + ";");
        }
    }

    /// <inheritdoc />
    public override void WriteHelper(SourceWriter writer, string signature, MessageShape pipeline)
    {
        writer.Line(signature);
        writer.Line("    => " + (pipeline.InObsoleteContext ? Forward(pipeline) : Call(pipeline, Code.Cast(pipeline, HelperArgument))) + ";");
    }
}
