using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace WebApi.Tests;

/// <summary>The rate limit built-in, per request user, over HTTP.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_caller_over_its_limit_is_429_with_Retry_After_and_others_are_not()
    {
        // The app's limits, made small: three requests, three more a minute later.
        using var app = new ShopApp(services => services.AddMediatorRateLimit(options =>
        {
            options.TokenLimit = 3;
            options.TokensPerPeriod = 3;
            options.ReplenishmentPeriod = TimeSpan.FromMinutes(1);
        }));
        var dave = app.ClientAs("dave");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await dave.GetAsync("/catalog")).StatusCode);
        }

        var problem = await Problem.Read(await dave.GetAsync("/catalog"));

        problem.AssertProblem(429, "Too Many Requests");
        Assert.Equal("60", problem.RetryAfter); // the test's clock has not moved: the next token is a minute away
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs("erin").GetAsync("/catalog")).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await dave.GetAsync("/catalog")).StatusCode);
    }
}
