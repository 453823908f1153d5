using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebTestApp;

namespace AspNetCoreTests;

/// <summary>
/// The test web app (tests/Mediator.AspNetCore.TestApp) in memory, one per test so that no test sees another's rate
/// limit buckets, circuits or clock. Its clock is a <see cref="FakeTimeProvider"/> the test moves itself.
/// </summary>
public sealed class WebApp(Action<IServiceCollection>? services = null, string environment = "Production") : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    public HandlerCalls Calls => Services.GetRequiredService<HandlerCalls>();

    public HandlerGate Gate => Services.GetRequiredService<HandlerGate>();

    /// <summary>A client whose requests come from <paramref name="user"/> (null: anonymous).</summary>
    public HttpClient ClientAs(string? user, string? roles = null, string? tenant = null, string? department = null)
    {
        var client = CreateClient();
        if (user is not null) client.DefaultRequestHeaders.Add("X-User", user);
        if (roles is not null) client.DefaultRequestHeaders.Add("X-Roles", roles);
        if (tenant is not null) client.DefaultRequestHeaders.Add("X-Tenant", tenant);
        if (department is not null) client.DefaultRequestHeaders.Add("X-Department", department);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            services?.Invoke(s);
        });
    }
}
