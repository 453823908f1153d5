using System.Diagnostics;
using AotConsole;
using Microsoft.Extensions.DependencyInjection;

// Start-up cost as a user sees it: from Main to the first Send's answer, container build included. Written to stderr,
// so that stdout is the same on every run (CI compares it with expected-output.txt).
var started = Stopwatch.GetTimestamp();
await using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
var mediator = provider.GetRequiredService<AotConsole.Mediator>();
var answer = await mediator.Send(new Ping("aot"));
var firstSend = Stopwatch.GetElapsedTime(started);
Console.WriteLine($"answer: {answer}");

// Through the interface: each call bound at compile time to the typed overload by the generator's interceptors (the
// messages are sealed records; see docs/interceptors.md), so the native publish covers intercepted Send, Publish and
// CreateStream. With a compiler older than Roslyn 4.14, the message's runtime type picks the pipeline instead.
Mediator.IMediator sender = mediator;
Console.WriteLine($"answer: {await sender.Send(new Ping("interface"))}");

await sender.Publish(new OrderShipped(7));

await foreach (var item in sender.CreateStream(new Countdown(3)))
{
    Console.WriteLine($"item: {item}");
}

Console.Error.WriteLine($"first-send-us: {firstSend.TotalMicroseconds:F0}");
