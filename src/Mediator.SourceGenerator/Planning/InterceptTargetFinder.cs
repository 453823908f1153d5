using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// The messages whose calls an interceptor may take over: those the generated mediator has a public or internal typed
/// overload for (this project's pipelines and, in a host, the composed modules' messages). The interceptor calls that
/// overload, so a message without one (a second response of the same request, a type marked obsolete or experimental,
/// whose overload carries the mark) is left to the interface call.
/// </summary>
internal static class InterceptTargetFinder
{
    public static InterceptTargets Find(MediatorPlan? plan)
    {
        if (plan is null)
        {
            return InterceptTargets.None;
        }

        var targets = new List<InterceptTarget>();
        foreach (var pipeline in MediatorEmitter.TypedSends(plan).Where(p => IsPlain(p.Shape)))
        {
            targets.Add(pipeline.IsVoid
                ? new InterceptTarget(InterceptedMethod.SendVoid, pipeline.Shape.MessageType.Display, null, false)
                : new InterceptTarget(InterceptedMethod.Send, pipeline.Shape.MessageType.Display, pipeline.Shape.ResultType.Display, false));
        }

        targets.AddRange(plan.Notifications.Where(n => IsPlain(n.Shape))
            .Select(n => new InterceptTarget(InterceptedMethod.Publish, n.Shape.MessageType.Display, null, false)));
        targets.AddRange(plan.Streams.Where(s => IsPlain(s.Shape))
            .Select(s => new InterceptTarget(InterceptedMethod.CreateStream, s.Shape.MessageType.Display, s.Shape.ResultType.Display, false)));

        var composition = plan.Composed;
        foreach (var module in composition.Modules)
        {
            targets.AddRange(module.Requests.Select(r => r.Result is null
                ? new InterceptTarget(InterceptedMethod.SendVoid, r.Type, null, true)
                : new InterceptTarget(InterceptedMethod.Send, r.Type, r.Result, true)));
            targets.AddRange(module.Streams.Select(s => new InterceptTarget(InterceptedMethod.CreateStream, s.Type, s.Result, true)));
        }

        targets.AddRange(composition.Notifications.Select(n => new InterceptTarget(InterceptedMethod.Publish, n.Type, null, true)));
        return new InterceptTargets(plan.Mediator.FullName, targets.Distinct().OrderBy(t => t.Method).ThenBy(t => t.MessageType, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>The typed overload of a message carries no obsolete or experimental mark the interceptor would repeat.</summary>
    private static bool IsPlain(MessageShape shape) => shape.Usage.Count == 0 && shape.SignatureUsage.Count == 0;
}
