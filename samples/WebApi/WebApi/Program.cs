using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using WebApi.Data;
using WebApi.Http;
using WebApi.Shipping;

var builder = WebApplication.CreateBuilder(args);

// SQLite through EF Core, one context per request. The connection string is read when a context is made, from the
// app's final configuration (a test host points it at a database of its own).
builder.Services.AddDbContext<ShopDb>((services, options)
    => options.UseSqlite(services.GetRequiredService<IConfiguration>().GetConnectionString("Shop")
        ?? throw new InvalidOperationException("Set the connection string 'Shop' (appsettings.json: ConnectionStrings:Shop).")));

// Authentication: in Development a header scheme stands in for the real one; elsewhere plug in yours here
// (AddJwtBearer, AddCookie, ...). Without one every caller is anonymous, and [Authorize] messages answer 401.
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddAuthentication(DevelopmentHeaderAuthentication.SchemeName)
        .AddScheme<AuthenticationSchemeOptions, DevelopmentHeaderAuthentication>(DevelopmentHeaderAuthentication.SchemeName, null);
}
else
{
    builder.Services.AddAuthentication();
}

builder.Services.AddAuthorization(options => options.AddShopPolicies());

// The mediator and its built-ins (UsedMiddleware.cs turns them on).
builder.Services.AddMediatorAspNetCore();                               // caller = HttpContext.User, [Authorize] by ASP.NET Core's policies, problem details
builder.Services.AddMediatorFluentValidation(typeof(Program).Assembly); // the validators of this assembly, scoped
builder.Services.AddMediatorRateLimit(options =>
{
    // Per caller (anonymous callers share one bucket): a burst of 20, then 20 more a minute.
    options.TokenLimit = 20;
    options.TokensPerPeriod = 20;
    options.ReplenishmentPeriod = TimeSpan.FromMinutes(1);
});
builder.Services.AddMediatorCaching(options => options.SizeLimit = 10_000);
builder.Services.AddMediatorTimeout();
builder.Services.AddMediatorCircuitBreaker();
builder.Services.AddMediatorEfCoreTransactions<ShopDb>();              // [Transactional] runs on the request's ShopDb
builder.Services.AddMediator();

builder.Services.AddSingleton<ICarrierRates, RateTableCarrier>();
builder.Services.AddExceptionHandler<ShopExceptionHandler>();          // the app's own exceptions: 409, 502

var app = builder.Build();
await ShopDatabase.CreateAsync(app.Services);

app.UseExceptionHandler();   // the built-ins' exceptions, then the app's, as problem details; anything else a 500 problem
app.UseStatusCodePages();    // a problem body for ASP.NET Core's own failures too (a body that does not bind, an unknown path)
app.UseAuthentication();
app.MapShopEndpoints();

app.Run();

/// <summary>The entry point; public so that the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
