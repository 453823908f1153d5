using HttpLoad;
using LoadHarness;
using LoadHarness.Martinothamar;
using Mediator;

// The HTTP table's server for martinothamar/Mediator 3.0.2 (see the project file). Routes are
// /{implementation}/{case} (HttpIds.cs). Started by HttpLoad.Runner.

return await HttpServerHost.RunAsync(
    services =>
    {
        // martinothamar/Mediator's generator reads these options at compile time from this one call.
        services.AddMediator(options =>
        {
            options.Namespace = "HttpLoad.Server.Martinothamar.Generated";
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.PipelineBehaviors =
            [
                typeof(NoOp1<,>), typeof(NoOp2<,>), typeof(NoOp3<,>), typeof(NoOp4<,>), typeof(NoOp5<,>),
                typeof(Blocking1<,>), typeof(Blocking2<,>), typeof(Blocking3<,>), typeof(Blocking4<,>), typeof(Blocking5<,>),
                typeof(Delay1<,>), typeof(Delay2<,>), typeof(Delay3<,>), typeof(Delay4<,>), typeof(Delay5<,>),
            ];
        });
    },
    (routes, provider) =>
    {
        // The concrete generated class, its fastest path (as in the in-process harness).
        var mediator = provider.GetRequiredService<HttpLoad.Server.Martinothamar.Generated.Mediator>();
        var handler = provider.GetRequiredService<HelloHandler>();
        HelloBaseline baseline = new();
        HelloNoOp1 noOp1 = new();
        HelloNoOp5 noOp5 = new();
        HelloBlocking5 blocking5 = new();
        HelloDelay10x5 delay10 = new();
        HelloDelay100x5 delay100 = new();

        routes.Add(HttpImplementations.DirectInMartinothamarServer, LoadCases.Baseline, context => HelloEndpoint.Respond(context, handler.Handle(baseline, default)));
        routes.Add(HttpImplementations.Martinothamar, LoadCases.Baseline, context => HelloEndpoint.Respond(context, mediator.Send(baseline)));
        routes.Add(HttpImplementations.Martinothamar, LoadCases.NoOp1, context => HelloEndpoint.Respond(context, mediator.Send(noOp1)));
        routes.Add(HttpImplementations.Martinothamar, LoadCases.NoOp5, context => HelloEndpoint.Respond(context, mediator.Send(noOp5)));
        routes.Add(HttpImplementations.Martinothamar, LoadCases.Blocking5, context => HelloEndpoint.Respond(context, mediator.Send(blocking5)));
        routes.Add(HttpImplementations.Martinothamar, LoadCases.Delay10x5, context => HelloEndpoint.Respond(context, mediator.Send(delay10)));
        routes.Add(HttpImplementations.Martinothamar, LoadCases.Delay100x5, context => HelloEndpoint.Respond(context, mediator.Send(delay100)));
    });
