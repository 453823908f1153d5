using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>Gathers the <c>[Obsolete]</c> and <c>[Experimental]</c> marks a pipeline's generated code meets.</summary>
internal static class PipelineUsage
{
    /// <summary>A request or stream pipeline: its message and result, its handler and its steps.</summary>
    public static EquatableArray<UsageMark> Of(HandlerSpec handler, IEnumerable<PipelineStep> steps)
        => Of(handler.Request).Concat(Of(handler.Response)).Concat(handler.HandlerUsage).Concat(steps.SelectMany(s => s.Usage))
            .Distinct()
            .ToEquatableArray();

    /// <summary>A notification pipeline: the notification, each handler with the type its contract names, every step.</summary>
    public static EquatableArray<UsageMark> Of(MessageTypeSpec notification, IEnumerable<HandlerSpec> receivers, IEnumerable<PipelineStep> steps)
        => Of(notification).Concat(receivers.SelectMany(h => h.HandlerUsage.Concat(Of(h.Request)))).Concat(steps.SelectMany(s => s.Usage))
            .Distinct()
            .ToEquatableArray();

    /// <summary>The types a typed overload's signature names: its message and its result.</summary>
    public static EquatableArray<UsageMark> Signature(MessageTypeSpec message, MessageTypeSpec? result = null)
        => message.Usage.Concat(result?.Usage ?? EquatableArray<UsageMark>.Empty).Distinct().ToEquatableArray();

    private static IEnumerable<UsageMark> Of(MessageTypeSpec type) => type.Usage.Concat(type.ReachableUsage);
}
