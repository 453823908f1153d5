using System.Text.Json;
using System.Text.Json.Serialization;

namespace LoadHarness;

/// <summary>The seed's endpoint body: <c>return {"Hello": "World"}</c>.</summary>
public sealed record HelloWorld(string Hello);

/// <summary>Source-generated serialization, so no reflection runs per request (as a trimmed ASP.NET app would do it).</summary>
[JsonSerializable(typeof(HelloWorld))]
public sealed partial class HelloWorldJsonContext : JsonSerializerContext;

public static class HelloWorldResponse
{
    private static readonly HelloWorld Body = new("World");

    /// <summary>What every handler in the harness returns: the UTF-8 JSON a server would write, serialized per request.</summary>
    public static byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(Body, HelloWorldJsonContext.Default.HelloWorld);
}
