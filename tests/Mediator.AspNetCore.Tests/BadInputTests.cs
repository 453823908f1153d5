using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace AspNetCoreTests;

/// <summary>
/// Bad input gets its documented status and body, and the handler never runs: a body that does not bind (ASP.NET
/// Core's own 400), a message that fails validation (400 with errors), an unauthenticated caller (401), a caller over its
/// rate limit (429).
/// </summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"name\": \"tea\", \"quantity\": \"lots\"}")]
    [InlineData("")]
    public async Task A_body_that_does_not_bind_is_400_and_never_reaches_the_mediator(string body)
    {
        using var app = new WebApp();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await Problem.Read(await app.ClientAs("ann").PostAsync("/orders", content));

        problem.AssertProblem(400, "Bad Request");
        Assert.Equal(0, app.Calls.Of("CreateOrder"));
    }

    // In Development, minimal APIs throw BadHttpRequestException for a body that does not bind instead of answering 400:
    // the exception handler answers it, so the client sees the same 400 problem in every environment (not a 500).
    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"name\": \"tea\", \"quantity\": \"lots\"}")]
    public async Task A_body_that_does_not_bind_is_400_in_Development_too(string body)
    {
        using var app = new WebApp(environment: "Development");
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var problem = await Problem.Read(await app.ClientAs("ann").PostAsync("/orders", content));

        problem.AssertProblem(400, "Bad Request");
        Assert.Equal(0, app.Calls.Of("CreateOrder"));
    }

    [Fact]
    public async Task A_message_that_fails_validation_is_400_and_never_reaches_the_handler()
    {
        using var app = new WebApp();

        var problem = await Problem.Read(await app.ClientAs("ann").PostAsJsonAsync("/orders", new { name = "tea", quantity = 101 }));

        problem.AssertProblem(400, "One or more validation errors occurred.");
        Assert.Equal(["must be at most 100"], problem.Body.GetProperty("errors").GetProperty("Quantity").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, app.Calls.Of("CreateOrder"));

        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs("ann").PostAsJsonAsync("/orders", new { name = "tea", quantity = 2 })).StatusCode);
        Assert.Equal(1, app.Calls.Of("CreateOrder"));
    }

    [Fact]
    public async Task An_unauthenticated_caller_is_401_and_never_reaches_the_handler()
    {
        using var app = new WebApp();

        foreach (var path in new[] { "/profile", "/audit", "/whoami" })
            (await Problem.Read(await app.ClientAs(null).GetAsync(path))).AssertProblem(401, "Unauthorized");

        Assert.Equal(0, app.Calls.Of("GetProfile") + app.Calls.Of("ReadAudit") + app.Calls.Of("WhoAmI"));
    }

    [Fact]
    public async Task A_caller_over_its_rate_limit_is_429_and_never_reaches_the_handler()
    {
        using var app = new WebApp();
        var client = app.ClientAs("pia");
        for (var i = 0; i < 3; i++) await client.GetAsync("/ping/" + i);

        for (var i = 0; i < 5; i++)
        {
            var problem = await Problem.Read(await client.GetAsync("/ping/over" + i));
            problem.AssertProblem(429, "Too Many Requests");
            Assert.Equal("60", problem.RetryAfter);
        }

        Assert.Equal(3, app.Calls.Of("Ping"));
    }
}
