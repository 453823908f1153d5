using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AspNetCoreTests;

/// <summary>The mediator's span is a child of the HTTP request's span: one trace from the request to the handler.</summary>
public sealed class ActivityTests
{
    [Fact]
    public async Task The_request_activity_is_the_parent_of_the_mediator_span()
    {
        var started = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Mediator",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = started.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var app = new WebApp();

        // Other tests run at the same time and trace too: this request's trace id picks out its own spans.
        var traceId = ActivityTraceId.CreateRandom();
        var client = app.ClientAs("otto");
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ping/traced")).StatusCode);

        var spans = started.Where(a => a.TraceId == traceId).ToList();
        var request = Assert.Single(spans, a => a.Source.Name == "Microsoft.AspNetCore");
        var send = Assert.Single(spans, a => a.Source.Name == "Mediator");
        Assert.Equal("send Ping", send.DisplayName);
        Assert.Equal(request.SpanId, send.ParentSpanId);
    }
}
