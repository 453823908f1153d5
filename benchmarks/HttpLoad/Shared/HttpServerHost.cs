using System.Net;
using LoadHarness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HttpLoad;

/// <summary>
/// The server both executables share: Kestrel on 127.0.0.1 at a port the OS picks, no logging, no routing
/// middleware, one terminal middleware dispatching to the variants' branches (<see cref="RouteTable"/>). Prints
/// <c>listening &lt;url&gt; pid &lt;pid&gt;</c> once it accepts connections, and stops when its standard input closes
/// (the runner that started it ended) or on SIGTERM.
/// </summary>
public static class HttpServerHost
{
    public static async Task<int> RunAsync(Action<IServiceCollection> services, Action<RouteTable, IServiceProvider> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        services(builder.Services);
        var app = builder.Build();

        var table = new RouteTable(app);
        routes(table, app.Services);
        table.AddPath(HttpRoutes.Truncate, static context =>
        {
            BlockingWork.Truncate();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        var branches = table.Freeze();
        app.Run(context =>
        {
            if (branches.TryGetValue(context.Request.Path.Value ?? "", out var branch))
            {
                return branch(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"listening {address} pid {Environment.ProcessId}");
        Console.Out.Flush();

        // The runner holds our standard input open while it measures; end of input means it is gone.
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is not null)
            {
            }

            await app.StopAsync();
        });
        await app.WaitForShutdownAsync();
        BlockingWork.Delete();
        return 0;
    }
}
