namespace Mediator.SourceGenerator.Model;

/// <summary>The compiled pipeline of one stream request type: its stream middleware, outermost first, then its handler.</summary>
/// <param name="Shape">The stream request, its item type, the pipeline class and what the mediator's dispatch needs of them.</param>
/// <param name="HandlerType">The handler class.</param>
/// <param name="HandlerIsImplicit">Call <c>Handle</c> directly rather than through the interface.</param>
/// <param name="Steps">Stream middleware, outermost first.</param>
internal sealed record StreamPlan(
    MessageShape Shape,
    string HandlerType,
    bool HandlerIsImplicit,
    EquatableArray<PipelineStep> Steps);
