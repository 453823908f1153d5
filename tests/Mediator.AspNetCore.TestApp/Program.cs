using Mediator;
using Microsoft.AspNetCore.Authorization;
using WebTestApp;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorization(options =>
{
    options.AddPolicy("Auditors", policy => policy.RequireClaim("department", "audit"));
    options.AddPolicy("SameTenant", policy => policy.AddRequirements(new SameTenantRequirement()));
});
builder.Services.AddSingleton<IAuthorizationHandler, SameTenantHandler>();

builder.Services.AddSingleton<HandlerCalls>();
builder.Services.AddSingleton<HandlerGate>();
builder.Services.AddMediatorAspNetCore();
builder.Services.AddMediatorMetrics();
builder.Services.AddMediatorRateLimit(options =>
{
    options.TokenLimit = 3;
    options.TokensPerPeriod = 3;
    options.ReplenishmentPeriod = TimeSpan.FromMinutes(1);
});
builder.Services.AddMediatorBulkhead();
builder.Services.AddMediatorCaching();
builder.Services.AddMediatorTimeout();
builder.Services.AddMediatorCircuitBreaker();
builder.Services.AddMediator();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/ping/{text}", (string text, ISender sender, CancellationToken ct) => sender.Send(new Ping(text), ct));
app.MapPost("/orders", (CreateOrder order, ISender sender, CancellationToken ct) => sender.Send(order, ct));
app.MapGet("/profile", (ISender sender, CancellationToken ct) => sender.Send(new GetProfile(), ct));
app.MapDelete("/users/{id}", (string id, ISender sender, CancellationToken ct) => sender.Send(new DeleteUser(id), ct));
app.MapGet("/audit", (ISender sender, CancellationToken ct) => sender.Send(new ReadAudit(), ct));
app.MapGet("/tenants/{tenant}/invoices/{id:int}", (string tenant, int id, ISender sender, CancellationToken ct) => sender.Send(new ReadInvoice(tenant, id), ct));
app.MapGet("/export", (ISender sender, CancellationToken ct) => sender.Send(new Export(), ct));
app.MapGet("/flaky", (bool fail, ISender sender, CancellationToken ct) => sender.Send(new Flaky(fail), ct));
app.MapGet("/report", (ISender sender, CancellationToken ct) => sender.Send(new SlowReport(), ct));
app.MapGet("/whoami", (ISender sender, CancellationToken ct) => sender.Send(new WhoAmI(), ct));
app.MapGet("/boom", (ISender sender, CancellationToken ct) => sender.Send(new Boom(), ct));

app.Run();

/// <summary>The entry point WebApplicationFactory starts.</summary>
public partial class Program;
