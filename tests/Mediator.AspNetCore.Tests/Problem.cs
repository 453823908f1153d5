using System.Net;
using System.Text.Json;

namespace AspNetCoreTests;

/// <summary>A response read as RFC 9457 problem details.</summary>
public sealed record Problem(HttpStatusCode Status, string? ContentType, string? RetryAfter, JsonElement Body)
{
    public static async Task<Problem> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return new Problem(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("Retry-After", out var values) ? string.Join(",", values) : null, body);
    }

    public string? Text(string property) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) ? value.ToString() : null;

    public int? Number(string property) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) ? value.GetInt32() : null;

    /// <summary>Asserts the RFC 9457 members every problem of ours carries.</summary>
    public void AssertProblem(int status, string title)
    {
        Assert.Equal(status, (int)Status);
        Assert.Equal("application/problem+json", ContentType);
        Assert.Equal(status, Number("status"));
        Assert.Equal(title, Text("title"));
        Assert.StartsWith("https://tools.ietf.org/html/", Text("type"));
        Assert.False(string.IsNullOrEmpty(Text("traceId")));
    }
}
