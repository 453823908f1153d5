using System.Diagnostics.Tracing;
namespace GeneratorBenchmarks;
internal sealed class AllocTicks : EventListener
{
    public readonly Dictionary<string, long> ByType = new();
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "GCAllocationTick_V4" && e.EventName != "GCAllocationTick_V3") return;
        var name = e.Payload![e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount")]);
        lock (ByType) { ByType[name] = ByType.GetValueOrDefault(name) + amount; }
    }
}
