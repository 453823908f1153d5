using LoadHarness;

namespace HttpLoad.Server.Ours;

/// <summary>
/// The seed's middlewares as ASP.NET Core middleware stacked with <c>app.Use</c> (the closest analogue of Starlette's
/// middleware): each layer is an async lambda that does its work and awaits <c>next</c>, as our no-op
/// <c>[Middleware]</c> classes await theirs.
/// </summary>
public static class AspNetCoreLayers
{
    public static Action<IApplicationBuilder>? For(string @case) => @case switch
    {
        LoadCases.Baseline => null,
        LoadCases.NoOp1 => app => NoOp(app, 1),
        LoadCases.NoOp5 => app => NoOp(app, BlockingWork.Layers),
        LoadCases.Blocking5 => Blocking,
        LoadCases.Delay10x5 => app => Delay(app, LoadCases.ShortDelayMs),
        LoadCases.Delay100x5 => app => Delay(app, LoadCases.LongDelayMs),
        _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, null),
    };

    private static void NoOp(IApplicationBuilder app, int layers)
    {
        for (var i = 0; i < layers; i++)
        {
            app.Use(static async (HttpContext context, RequestDelegate next) => await next(context));
        }
    }

    private static void Blocking(IApplicationBuilder app)
    {
        for (var layer = 1; layer <= BlockingWork.Layers; layer++)
        {
            var captured = layer;
            app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                BlockingWork.Write(captured);
                await next(context);
            });
        }
    }

    private static void Delay(IApplicationBuilder app, int milliseconds)
    {
        for (var i = 0; i < BlockingWork.Layers; i++)
        {
            app.Use(async (HttpContext context, RequestDelegate next) =>
            {
                await Task.Delay(milliseconds);
                await next(context);
            });
        }
    }
}
