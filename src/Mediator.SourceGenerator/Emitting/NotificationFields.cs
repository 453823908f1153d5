using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// The fields of a notification pipeline, in constructor order: publish-side steps, shared handler-side steps,
/// handlers, each handler's own steps, then a strategy of the user's (<c>[PublishStrategy(typeof(...))]</c>). The pipeline
/// class and <c>AddMediator()</c> both write from this list.
/// </summary>
internal static class NotificationFields
{
    /// <summary>Each field's type and name; <c>Step</c> is null for a handler.</summary>
    public static List<(string Type, string Name, PipelineStep? Step)> For(NotificationPlan pipeline)
    {
        var fields = new List<(string Type, string Name, PipelineStep? Step)>();
        for (var i = 0; i < pipeline.PublishSteps.Count; i++)
        {
            fields.Add((pipeline.PublishSteps[i].MiddlewareType, "publish" + i, pipeline.PublishSteps[i]));
        }

        for (var i = 0; i < pipeline.HandlerSteps.Count; i++)
        {
            fields.Add((pipeline.HandlerSteps[i].MiddlewareType, "step" + i, pipeline.HandlerSteps[i]));
        }

        for (var i = 0; i < pipeline.Handlers.Count; i++)
        {
            fields.Add((pipeline.Handlers[i].HandlerType, "handler" + i, null));
        }

        for (var handler = 0; handler < pipeline.Handlers.Count; handler++)
        {
            var steps = pipeline.Handlers[handler].Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                fields.Add((steps[i].MiddlewareType, OwnStep(handler, i), steps[i]));
            }
        }

        if (pipeline.Strategy.CustomType is { } strategy)
        {
            fields.Add((strategy, Strategy, null));
        }

        return fields;
    }

    /// <summary>The field name (without <c>_</c>) of a strategy of the user's.</summary>
    public const string Strategy = "strategy";

    /// <summary>The field name (without <c>_</c>) of handler <paramref name="handler"/>'s own step <paramref name="index"/>.</summary>
    public static string OwnStep(int handler, int index) => "handler" + handler + "Middleware" + index;
}
