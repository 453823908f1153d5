namespace Mediator.SourceGenerator.Model;

/// <summary>Every pipeline of a compilation, resolved once (<c>Planning/PipelineResolver</c>), with what resolution started from.</summary>
/// <param name="Automatic">The middleware placed by constraints (declared here without <c>Explicit</c>, or by an assembly line), in input order.</param>
/// <param name="PublishedTypes">Every concrete notification type, with handlers or not, by name.</param>
/// <param name="Requests">One per request type (and response, for several), ordinal by <see cref="ResolvedPipeline.Key"/>.</param>
/// <param name="Streams">One per stream request type (and item type, for several), ordinal by <see cref="ResolvedPipeline.Key"/>.</param>
/// <param name="Notifications">One per concrete notification type that has handlers, by type.</param>
internal sealed record ResolvedPipelines(
    EquatableArray<MiddlewareSpec> Automatic,
    EquatableArray<MessageTypeSpec> PublishedTypes,
    EquatableArray<ResolvedPipeline> Requests,
    EquatableArray<ResolvedPipeline> Streams,
    EquatableArray<ResolvedPipeline> Notifications);
