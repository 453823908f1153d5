using System.Net;
using System.Net.Http.Json;

namespace AspNetCoreTests;

/// <summary>Every built-in exception over HTTP: its status, its Retry-After and its RFC 9457 body; anything else untouched.</summary>
public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task A_message_that_fails_validation_is_400_with_the_errors_by_member()
    {
        using var app = new WebApp();
        var response = await app.ClientAs("ann").PostAsJsonAsync("/orders", new { name = "", quantity = 0 });

        var problem = await Problem.Read(response);
        problem.AssertProblem(400, "One or more validation errors occurred.");
        var errors = problem.Body.GetProperty("errors");
        Assert.Equal(["must not be empty"], errors.GetProperty("Name").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["must be at least 1"], errors.GetProperty("Quantity").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, app.Calls.Of("CreateOrder"));
    }

    [Fact]
    public async Task An_anonymous_caller_of_an_authorized_message_is_401()
    {
        using var app = new WebApp();
        var problem = await Problem.Read(await app.ClientAs(null).GetAsync("/profile"));

        problem.AssertProblem(401, "Unauthorized");
        Assert.Equal("An authenticated caller is required.", problem.Text("detail"));
        Assert.Null(problem.RetryAfter);
        Assert.Equal(0, app.Calls.Of("GetProfile"));
    }

    [Fact]
    public async Task A_caller_without_the_role_is_403_and_the_body_does_not_name_the_role()
    {
        using var app = new WebApp();
        var response = await app.ClientAs("bob", roles: "clerk").DeleteAsync("/users/7");
        var problem = await Problem.Read(response);

        problem.AssertProblem(403, "Forbidden");
        Assert.DoesNotContain("admin", problem.Body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, app.Calls.Of("DeleteUser"));

        var admin = await app.ClientAs("carol", roles: "admin").DeleteAsync("/users/7");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(1, app.Calls.Of("DeleteUser"));
    }

    [Fact]
    public async Task A_caller_over_its_rate_limit_is_429_with_Retry_After()
    {
        using var app = new WebApp();
        var client = app.ClientAs("dave");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ping/" + i)).StatusCode);

        var problem = await Problem.Read(await client.GetAsync("/ping/over"));

        problem.AssertProblem(429, "Too Many Requests");
        // The bucket refills every minute on the test's clock, which has not moved: the next token is 60 s away.
        Assert.Equal("60", problem.RetryAfter);
        Assert.Equal(3, app.Calls.Of("Ping"));

        // Another caller has a bucket of its own.
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs("erin").GetAsync("/ping/x")).StatusCode);
    }

    [Fact]
    public async Task A_full_bulkhead_is_503_without_Retry_After()
    {
        using var app = new WebApp();
        var client = app.ClientAs("fay");
        var first = client.GetAsync("/export");
        await app.Gate.Entered.Task; // the only permit is held

        var problem = await Problem.Read(await client.GetAsync("/export"));
        app.Gate.Release.SetResult();

        problem.AssertProblem(503, "Service Unavailable");
        Assert.Null(problem.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(1, app.Calls.Of("Export"));
    }

    [Fact]
    public async Task An_open_circuit_is_503_with_Retry_After_of_the_break()
    {
        using var app = new WebApp();
        var client = app.ClientAs("gus");

        // The failure that opens the circuit is no built-in's: the app's own handling answers 500, not us.
        var failed = await client.GetAsync("/flaky?fail=true");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var problem = await Problem.Read(await client.GetAsync("/flaky?fail=false"));
        problem.AssertProblem(503, "Service Unavailable");
        Assert.Equal("30", problem.RetryAfter);
        Assert.Equal(1, app.Calls.Of("Flaky"));

        app.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("10", (await Problem.Read(await client.GetAsync("/flaky?fail=false"))).RetryAfter);
    }

    [Fact]
    public async Task A_timed_out_message_is_504()
    {
        using var app = new WebApp();
        var pending = app.ClientAs("hal").GetAsync("/report");
        await app.Gate.Entered.Task;
        app.Time.Advance(TimeSpan.FromSeconds(2)); // past the message's one-second deadline

        var problem = await Problem.Read(await pending);

        problem.AssertProblem(504, "Gateway Timeout");
        Assert.Null(problem.RetryAfter);
    }

    [Fact]
    public async Task An_exception_no_built_in_throws_is_left_to_the_app()
    {
        using var app = new WebApp();
        var response = await app.ClientAs("ivy").GetAsync("/boom");
        var problem = await Problem.Read(response);

        // UseExceptionHandler's own answer: 500, with none of our titles.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(500, problem.Number("status"));
        Assert.Equal(1, app.Calls.Of("Boom"));
    }

    [Fact]
    public async Task A_client_that_accepts_no_json_still_gets_the_status_and_Retry_After()
    {
        using var app = new WebApp();
        var client = app.ClientAs("jo");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        for (var i = 0; i < 3; i++) await client.GetAsync("/ping/" + i);

        var response = await client.GetAsync("/ping/over");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("60", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
