namespace Mediator.SourceGenerator.Model;

/// <summary>One generated file of pipeline classes: a single pipeline in a small project, a stable share of them in a large one.</summary>
/// <param name="HintName">The file's name among the generator's outputs.</param>
/// <param name="Requests">Request pipelines in this file, in plan order.</param>
/// <param name="Notifications">Notification pipelines in this file, in plan order.</param>
/// <param name="Streams">Stream pipelines in this file, in plan order.</param>
internal sealed record PipelineFile(
    string HintName,
    EquatableArray<PipelinePlan> Requests,
    EquatableArray<NotificationPlan> Notifications,
    EquatableArray<StreamPlan> Streams);
