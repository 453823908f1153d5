using LoadHarness;
using Microsoft.AspNetCore.Http;

namespace HttpLoad;

/// <summary>
/// What every variant's endpoint does with its handler's answer: write the UTF-8 JSON the handler serialized with
/// System.Text.Json source generation (<see cref="HelloWorldResponse"/>), with its length, as one body write. The same
/// method for every implementation, so that only the path to the handler differs.
/// </summary>
public static class HelloEndpoint
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static async Task Respond(HttpContext context, ValueTask<byte[]> answer)
    {
        var body = await answer;
        var response = context.Response;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}

/// <summary>The bottom of the hand-written chains: the handler's body, as in the in-process harness.</summary>
public readonly struct HttpHelloInner : IHandWrittenInner<byte[]>
{
    public ValueTask<byte[]> InvokeAsync() => new(HelloWorldResponse.Serialize());
}
