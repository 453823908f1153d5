using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// What one generic entry point of the mediator (<c>Send&lt;TResponse&gt;</c>, the void <c>Send</c>, <c>CreateStream</c>,
/// <c>Publish</c>) does differently from the others: its signature, its names, and how it calls the pipeline it chose.
/// The constructor takes what every entry point must say; the init-only properties have defaults that the entry points
/// differ from one by one. <see cref="GenericDispatchWriter"/> writes what they share: the null check, the exact type
/// tests (or the table and its switch), the base-class tests, and the out-of-line helper per pipeline.
/// </summary>
internal sealed class GenericDispatch
{
    /// <summary>Describes an entry point by what has no default; the object initializer sets the rest.</summary>
    /// <param name="methodName">The method's name: <c>Send</c>, <c>CreateStream</c> or <c>Publish</c>.</param>
    /// <param name="returnType">What the method, and each of its helpers, returns.</param>
    /// <param name="typeParameters">The method's type parameter list with its brackets, or empty.</param>
    /// <param name="message">The message parameter: its type and its name (<c>request</c> or <c>notification</c>).</param>
    /// <param name="resultParameter">The type parameter that must be the pipeline's result type, or null (<see cref="ResultParameter"/>).</param>
    /// <param name="indexName">The name of the table of message types, when the dispatch uses one (<see cref="TypeSwitch"/>).</param>
    public GenericDispatch(string methodName, string returnType, string typeParameters, (string Type, string Name) message, string? resultParameter, string indexName)
    {
        MethodName = methodName;
        ReturnType = returnType;
        TypeParameters = typeParameters;
        MessageParameterType = message.Type;
        Message = message.Name;
        ResultParameter = resultParameter;
        IndexName = indexName;
        HelperSuffix = methodName;
        HelperOwner = "generic <c>" + methodName + "</c>'s";
        HelperArgument = Message;
        RuntimeType = Message + ".GetType()";
        RuntimeTypeHandle = TypeSwitch.HandleOf(Message);
    }

    /// <summary>The method's name: <c>Send</c>, <c>CreateStream</c> or <c>Publish</c>.</summary>
    public string MethodName { get; }

    /// <summary>What the method, and each of its helpers, returns.</summary>
    public string ReturnType { get; }

    /// <summary>The method's type parameter list with its brackets, or empty.</summary>
    public string TypeParameters { get; }

    /// <summary>The type of the message parameter.</summary>
    public string MessageParameterType { get; }

    /// <summary>The message parameter's name: <c>request</c> or <c>notification</c>.</summary>
    public string Message { get; }

    /// <summary>
    /// The type parameter that must be the pipeline's <see cref="MessageShape.ResultType"/> (<c>TResponse</c>,
    /// <c>TItem</c>), or null when the method has none: then any pipeline of the message's type will do.
    /// </summary>
    public string? ResultParameter { get; }

    /// <summary>The name of the table of message types, when the dispatch uses one (<see cref="TypeSwitch"/>).</summary>
    public string IndexName { get; }

    /// <summary>The method's accessibility: <c>public</c> unless another method takes its place (<c>PublishHere</c> in a host).</summary>
    public string Accessibility { get; init; } = "public";

    /// <summary>A <c>where</c> clause, written on its own line under the signature; null for none.</summary>
    public string? Constraint { get; init; }

    /// <summary>What the table lists, for its doc comment; null when another entry point writes the table and this one reads it.</summary>
    public string? IndexDescription { get; init; }

    /// <summary>
    /// Appended to a pipeline class's name to name the out-of-line helper that reaches it; the method's name unless set.
    /// A suffix: pipeline classes end in "Pipeline" and maybe a number, so no helper can be named like one (a prefix
    /// could: <c>SendThroughPingPipeline</c> is the pipeline class of a request named <c>SendThroughPing</c>).
    /// </summary>
    public string HelperSuffix { get; init; }

    /// <summary>Whose way into a pipeline a helper is, for its doc comment: <c>generic &lt;c&gt;Send&lt;/c&gt;'s</c> unless set.</summary>
    public string HelperOwner { get; init; }

    /// <summary>Said of every helper after the pipeline's name in its doc comment; empty for nothing.</summary>
    public string HelperNote { get; init; } = string.Empty;

    /// <summary>The message as a helper passes it on, before the cast; the parameter's name unless set.</summary>
    public string HelperArgument { get; init; }

    /// <summary>The static method of a pipeline class in an obsolete context that the dispatch calls instead of naming its types (<see cref="UsageEmitter"/>).</summary>
    public string ForwardMethod { get; init; } = "Forward";

    /// <summary>The expression for the message's runtime type, for the exact type tests.</summary>
    public string RuntimeType { get; init; }

    /// <summary>The expression for the message's runtime type handle, for the table.</summary>
    public string RuntimeTypeHandle { get; init; }

    /// <summary>
    /// The name of a method of its own for the base-class tests, called when no exact type matched; null to write them
    /// in the dispatching method itself.
    /// </summary>
    public string? BaseTypeMethod { get; init; }

    /// <summary>Whether the exact type tests read the runtime type even when there is no pipeline to test it against.</summary>
    public bool ReadsTypeWithoutPipelines { get; init; }

    /// <summary>
    /// The call of a pipeline with the message already of its type, returned as it is: <c>(pipeline, typedMessage) =&gt;
    /// call</c>. Unused when <see cref="CallStatements"/> is set.
    /// </summary>
    public Func<MessageShape, string, string>? Call { get; init; }

    /// <summary>Whether the returned <see cref="Call"/> goes on the line under its test (long calls) rather than after it.</summary>
    public bool CallOnNextLine { get; init; }

    /// <summary>
    /// For a call that takes more than an expression: writes the statements that call a pipeline and return, with the
    /// message already of its type; <c>(writer, pipeline, typedMessage, chosenBy)</c>, where <c>chosenBy</c> names what
    /// made the type certain, for a comment. They are written in a block under the test, and as the helper's body.
    /// </summary>
    public Action<SourceWriter, MessageShape, string, string>? CallStatements { get; init; }

    /// <summary>
    /// In a host, what its modules add to this entry point (<see cref="Composer"/>): their exact types, tried where this
    /// project's exact types had no pipeline, and their base classes, merged with this project's by depth. Null elsewhere.
    /// </summary>
    public ModuleFallback? Modules { get; init; }

    /// <summary>What the method does when no pipeline takes the message; null to throw <c>HandlerNotFoundException</c>.</summary>
    public Action<SourceWriter>? NotFound { get; init; }

    /// <summary>
    /// Where the dispatch reads the services and the pipeline cache: the mediator's fields unless set. Over
    /// <see cref="DispatchState.Parameters"/> the method is a module's static entry point, and so are its helpers.
    /// </summary>
    public DispatchState State { get; init; } = DispatchState.Fields;

    /// <summary>The doc comment and attributes above the method; <c>/// &lt;inheritdoc /&gt;</c> unless set.</summary>
    public Action<SourceWriter>? Documentation { get; init; }

    /// <summary>The method's parameter list, without its parentheses: the message and the token, after the state's parameters for a static entry point.</summary>
    public string Parameters(bool withDefault)
        => State.LeadingParameters + MessageParameterType + " " + Message + ", " + Code.CancellationToken + " cancellationToken" + (withDefault && !State.IsStatic ? " = default" : string.Empty);

    /// <summary>The arguments of a call of a helper (or of the base-class method) with the message as <paramref name="message"/>.</summary>
    public string Arguments(string message) => State.LeadingArguments + message + ", cancellationToken";

    /// <summary>The <c>ThrowRequestNull</c> or <c>ThrowNotificationNull</c> the null check calls.</summary>
    public string ThrowNull => "Throw" + char.ToUpperInvariant(Message[0]) + Message.Substring(1) + "Null";

    /// <summary>Writes what the method does when no pipeline takes the message.</summary>
    public void WriteNotFound(SourceWriter writer)
    {
        if (NotFound is { } notFound)
        {
            notFound(writer);
        }
        else
        {
            writer.Line("throw new global::Mediator.HandlerNotFoundException(" + Message + ".GetType());");
        }
    }

    /// <summary>
    /// Writes a test and, when it holds, the call of <paramref name="pipeline"/> with the message already of its type
    /// (<paramref name="typedMessage"/>), or through <see cref="Forward"/> when the pipeline is in an obsolete context.
    /// <paramref name="chosenBy"/> names what made the type certain, for a comment.
    /// </summary>
    public void WriteTaken(SourceWriter writer, string condition, MessageShape pipeline, string typedMessage, string chosenBy)
    {
        if (CallStatements is { } statements && !pipeline.InObsoleteContext)
        {
            using (writer.Block("if (" + condition + ")"))
            {
                statements(writer, pipeline, typedMessage, chosenBy);
            }

            return;
        }

        var call = ExpressionCall(pipeline, typedMessage);
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

    /// <summary>Writes the signature and body of the out-of-line helper that reaches <paramref name="pipeline"/>.</summary>
    public void WriteHelper(SourceWriter writer, string signature, MessageShape pipeline)
    {
        var typedMessage = Code.Cast(pipeline, HelperArgument);
        if (CallStatements is { } statements)
        {
            using (writer.Block(signature))
            {
                if (pipeline.InObsoleteContext)
                {
                    writer.Line("return " + Forward(pipeline) + ";");
                }
                else
                {
                    statements(writer, pipeline, typedMessage, "The caller's type tests make");
                }
            }

            return;
        }

        writer.Line(signature);
        writer.Line("    => " + ExpressionCall(pipeline, typedMessage) + ";");
    }

    /// <summary>The name of the helper that reaches <paramref name="pipeline"/>.</summary>
    public string Helper(MessageShape pipeline) => pipeline.ClassName + HelperSuffix;

    /// <summary>The call of a pipeline in an obsolete context, through its class's static members only.</summary>
    public string Forward(MessageShape pipeline)
        => pipeline.ClassName + "." + ForwardMethod + (ResultParameter is null ? string.Empty : "<" + ResultParameter + ">")
            + "(" + Code.PipelineInstance(pipeline, State) + ", " + Message + ", cancellationToken)";

    private string ExpressionCall(MessageShape pipeline, string typedMessage)
        => pipeline.InObsoleteContext
            ? Forward(pipeline)
            : (Call ?? throw new InvalidOperationException(MethodName + " dispatch has neither Call nor CallStatements."))(pipeline, typedMessage);
}
