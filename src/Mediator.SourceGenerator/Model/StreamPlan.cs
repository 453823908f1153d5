namespace Mediator.SourceGenerator.Model;

/// <summary>The compiled pipeline of one stream request type: its stream middleware, outermost first, then its handler.</summary>
/// <param name="Namespace">Namespace of the generated <c>Mediator</c> class.</param>
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
internal sealed record StreamPlan(
    string Namespace,
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
    EquatableArray<PipelineStep> Steps);
