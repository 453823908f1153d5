using System.Net;
using System.Text.Json;

namespace WebApi.Tests;

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

    /// <summary>The messages of one member in the <c>errors</c> dictionary of a validation problem.</summary>
    public IEnumerable<string?> Errors(string member) => Body.GetProperty("errors").GetProperty(member).EnumerateArray().Select(e => e.GetString());

    /// <summary>The members the <c>errors</c> dictionary names.</summary>
    public IEnumerable<string> ErrorMembers() => Body.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    /// <summary>Asserts the RFC 9457 members every problem carries: status, title, type, trace id, the media type.</summary>
    public void AssertProblem(int status, string title)
    {
        Assert.Equal(status, (int)Status);
        Assert.Equal("application/problem+json", ContentType);
        Assert.Equal(status, Body.GetProperty("status").GetInt32());
        Assert.Equal(title, Text("title"));
        Assert.StartsWith("https://tools.ietf.org/html/", Text("type"));
        Assert.False(string.IsNullOrEmpty(Text("traceId")));
    }
}
