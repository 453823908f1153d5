namespace Mediator.SourceGenerator.Model;

/// <summary>The compiled pipeline of one stream request type: its stream middleware, outermost first, then its handler.</summary>
/// <param name="Mediator">The generated mediator class the pipeline is nested in.</param>
/// <param name="ClassName">Name of the nested pipeline class.</param>
/// <param name="RequestType">The stream request type (never annotated at the top).</param>
/// <param name="ItemType">The item type.</param>
/// <param name="RequestIsValueType">A struct: no null check, unboxed in the generic path.</param>
/// <param name="RequestCanBeDerived">A class that is not sealed: the generic path also tests for subclasses.</param>
/// <param name="IsPublic">The typed <c>CreateStream</c> overload can be public.</param>
/// <param name="InheritanceDepth">The generic path tests deeper types first.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandlerLifetime">Decides whether the pipeline is cached or resolved per dispatch.</param>
/// <param name="HandlerIsImplicit">Call <c>Handle</c> directly rather than through the interface.</param>
/// <param name="Steps">Stream middleware, outermost first.</param>
/// <param name="Usage">Every <c>[Obsolete]</c> and <c>[Experimental]</c> the pipeline's code meets (see <see cref="UsageMarks"/>).</param>
/// <param name="SignatureUsage">Those of the types in the typed overload's signature, which the overload carries as copies so that callers still see them.</param>
internal sealed record StreamPlan(
    MediatorName Mediator,
    string ClassName,
    TypeRef RequestType,
    TypeRef ItemType,
    bool RequestIsValueType,
    bool RequestCanBeDerived,
    bool IsPublic,
    int InheritanceDepth,
    string HandlerType,
    ServiceLifetimeKind HandlerLifetime,
    bool HandlerIsImplicit,
    EquatableArray<PipelineStep> Steps,
    EquatableArray<UsageMark> Usage = default,
    EquatableArray<UsageMark> SignatureUsage = default);
