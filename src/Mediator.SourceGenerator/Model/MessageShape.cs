namespace Mediator.SourceGenerator.Model;

/// <summary>
/// What every pipeline, of whatever kind, is to the mediator around it: the message it takes and the result it answers,
/// the class that holds it, how the generic dispatch finds it, whether it is cached, and the <c>[Obsolete]</c> and
/// <c>[Experimental]</c> marks that decide how the mediator may name it. Request, stream and notification plans each hold
/// one, so the generic dispatch and the registrations read one record for all three.
/// </summary>
/// <param name="Mediator">The generated mediator class the pipeline is nested in.</param>
/// <param name="ClassName">Name of the nested pipeline class, unique within the mediator.</param>
/// <param name="MessageType">The request, stream request or notification type (never annotated at the top); emitters choose its text for each position.</param>
/// <param name="ResultType">The response (<c>global::Mediator.Unit</c> for a void request), the stream's item type, or <c>global::Mediator.Unit</c> for a notification.</param>
/// <param name="IsValueType">The message is a struct: no null check, unboxed in the generic path.</param>
/// <param name="CanBeDerived">The message is a class that is not sealed: the generic path also tests for subclasses.</param>
/// <param name="IsPublic">The message (and a request's or stream's result) is public, so the typed overload can be.</param>
/// <param name="InheritanceDepth">Of the message type; the generic path tests deeper types first.</param>
/// <param name="Lifetime">
/// Decides whether the pipeline is cached (singleton) or resolved per dispatch: the shortest of its components'
/// (<see cref="ResolvedPipeline.Lifetime"/>).
/// </param>
/// <param name="NeedsScope">A component is scoped: the mediator refuses to dispatch it from the root provider.</param>
/// <param name="Usage">Every <c>[Obsolete]</c> and <c>[Experimental]</c> the pipeline's code meets (see <see cref="UsageMarks"/>).</param>
/// <param name="SignatureUsage">Those of the types in the typed overload's signature, which the overload carries as copies so that callers still see them.</param>
/// <param name="Kind">Request, notification or stream: how the mediator builds the pipeline per dispatch (a notification's takes no observer).</param>
internal sealed record MessageShape(
    MediatorName Mediator,
    string ClassName,
    TypeRef MessageType,
    TypeRef ResultType,
    bool IsValueType,
    bool CanBeDerived,
    bool IsPublic,
    int InheritanceDepth,
    ServiceLifetimeKind Lifetime,
    EquatableArray<UsageMark> Usage = default,
    EquatableArray<UsageMark> SignatureUsage = default,
    bool NeedsScope = false,
    MessageKind Kind = MessageKind.Request)
{
    /// <summary>
    /// The pipeline names an <c>[Obsolete]</c> type, so its class is an obsolete context (<see cref="UsageMarks.NeedObsoleteContext"/>)
    /// and code outside it names the class only.
    /// </summary>
    public bool InObsoleteContext => Usage.NeedObsoleteContext();
}
