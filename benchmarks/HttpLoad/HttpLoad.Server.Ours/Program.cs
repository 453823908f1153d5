using HttpLoad;
using HttpLoad.Server.Ours;
using LoadHarness;
using LoadHarness.Ours;
using Mediator;
using Mediator.Resilience;

// The HTTP table's server for every implementation but martinothamar/Mediator (see the project file). Routes are
// /{implementation}/{case} (HttpIds.cs). Started by HttpLoad.Runner; by hand:
// dotnet run -c Release --project benchmarks/HttpLoad/HttpLoad.Server.Ours, then wrk against the printed address.

return await HttpServerHost.RunAsync(
    services =>
    {
        services.AddMediator();
        services.AddProblemDetails();
        services.AddExceptionHandler<Mediator.AspNetCore.MediatorExceptionHandler>();   // CompiledMediator.AspNetCore's, as an app registers it
    },
    (routes, provider) =>
    {
        // Resolved once, as the in-process harness does: the rows measure the mediator, not the request scope (an
        // endpoint parameter would resolve ISender from HttpContext.RequestServices, creating the scope the baseline
        // never creates).
        var sender = provider.GetRequiredService<ISender>();
        var mediator = provider.GetRequiredService<HttpLoad.Server.Ours.Mediator>();
        var handler = provider.GetRequiredService<HelloHandler>();
        var mediatR = MediatRSetup.Build().GetRequiredService<MediatR.IMediator>();

        // One request object per case, created once (as in process): the rows measure the path, not the request.
        HelloBaseline baseline = new();
        HelloNoOp1 noOp1 = new();
        HelloNoOp5 noOp5 = new();
        HelloBlocking5 blocking5 = new();
        HelloDelay10x5 delay10 = new();
        HelloDelay100x5 delay100 = new();

        // The baseline and its A/A copy: built separately, identical.
        routes.Add(HttpImplementations.Direct, LoadCases.Baseline, context => HelloEndpoint.Respond(context, handler.Handle(baseline, default)));
        routes.Add(HttpImplementations.DirectCopy, LoadCases.Baseline, context => HelloEndpoint.Respond(context, handler.Handle(baseline, default)));
        routes.Add(HttpImplementations.Direct, LoadCases.NoOp1, static context => HelloEndpoint.Respond(context, HandWrittenChain<HttpHelloInner, byte[]>.Run1(default)));
        routes.Add(HttpImplementations.Direct, LoadCases.NoOp5, static context => HelloEndpoint.Respond(context, HandWrittenChain<HttpHelloInner, byte[]>.Run5(default)));
        routes.Add(HttpImplementations.Direct, LoadCases.Blocking5, static context => HelloEndpoint.Respond(context, HandWrittenWorkChain<HttpHelloInner, byte[]>.Blocking5(default)));
        routes.Add(HttpImplementations.Direct, LoadCases.Delay10x5, static context => HelloEndpoint.Respond(context, HandWrittenWorkChain<HttpHelloInner, byte[]>.Delay5(default, LoadCases.ShortDelayMs)));
        routes.Add(HttpImplementations.Direct, LoadCases.Delay100x5, static context => HelloEndpoint.Respond(context, HandWrittenWorkChain<HttpHelloInner, byte[]>.Delay5(default, LoadCases.LongDelayMs)));

        // ASP.NET Core's own middleware around the direct endpoint.
        foreach (var @case in LoadCases.All)
        {
            routes.Add(HttpImplementations.AspNetUse, @case, context => HelloEndpoint.Respond(context, handler.Handle(baseline, default)), AspNetCoreLayers.For(@case));
        }

        // The success path with the problem-details handler registered and its middleware in front (idle).
        routes.Add(HttpImplementations.ProblemDetailsIdle, LoadCases.Baseline, context => HelloEndpoint.Respond(context, handler.Handle(baseline, default)), static app => app.UseExceptionHandler());
        routes.AddPath(HttpRoutes.ProblemDetailsProbe, static _ => throw new MessageTimeoutException(typeof(HelloBaseline), TimeSpan.FromSeconds(1), null), static app => app.UseExceptionHandler());

        routes.Add(HttpImplementations.OursSender, LoadCases.Baseline, context => HelloEndpoint.Respond(context, sender.Send(baseline)));
        routes.Add(HttpImplementations.OursSender, LoadCases.NoOp1, context => HelloEndpoint.Respond(context, sender.Send(noOp1)));
        routes.Add(HttpImplementations.OursSender, LoadCases.NoOp5, context => HelloEndpoint.Respond(context, sender.Send(noOp5)));
        routes.Add(HttpImplementations.OursSender, LoadCases.Blocking5, context => HelloEndpoint.Respond(context, sender.Send(blocking5)));
        routes.Add(HttpImplementations.OursSender, LoadCases.Delay10x5, context => HelloEndpoint.Respond(context, sender.Send(delay10)));
        routes.Add(HttpImplementations.OursSender, LoadCases.Delay100x5, context => HelloEndpoint.Respond(context, sender.Send(delay100)));

        routes.Add(HttpImplementations.OursTyped, LoadCases.Baseline, context => HelloEndpoint.Respond(context, mediator.Send(baseline)));
        routes.Add(HttpImplementations.OursTyped, LoadCases.NoOp5, context => HelloEndpoint.Respond(context, mediator.Send(noOp5)));

        DelegateChain<HelloBaseline, byte[]> Chain(params Func<HelloBaseline, Func<ValueTask<byte[]>>, ValueTask<byte[]>>[] layers)
            => new(layers, request => handler.Handle(request, default));
        var five = Enumerable.Range(1, BlockingWork.Layers).ToArray();
        var chains = new Dictionary<string, DelegateChain<HelloBaseline, byte[]>>
        {
            [LoadCases.Baseline] = Chain(),
            [LoadCases.NoOp1] = Chain(DelegateMiddlewares.NoOp<HelloBaseline, byte[]>()),
            [LoadCases.NoOp5] = Chain(five.Select(_ => DelegateMiddlewares.NoOp<HelloBaseline, byte[]>()).ToArray()),
            [LoadCases.Blocking5] = Chain(five.Select(DelegateMiddlewares.Blocking<HelloBaseline, byte[]>).ToArray()),
            [LoadCases.Delay10x5] = Chain(five.Select(_ => DelegateMiddlewares.Delay<HelloBaseline, byte[]>(LoadCases.ShortDelayMs)).ToArray()),
            [LoadCases.Delay100x5] = Chain(five.Select(_ => DelegateMiddlewares.Delay<HelloBaseline, byte[]>(LoadCases.LongDelayMs)).ToArray()),
        };
        foreach (var (@case, chain) in chains)
        {
            routes.Add(HttpImplementations.OursDelegateChain, @case, context => HelloEndpoint.Respond(context, chain.Send(baseline)));
        }

        MrHelloBaseline mrBaseline = new();
        MrHelloNoOp1 mrNoOp1 = new();
        MrHelloNoOp5 mrNoOp5 = new();
        MrHelloBlocking5 mrBlocking5 = new();
        MrHelloDelay10x5 mrDelay10 = new();
        MrHelloDelay100x5 mrDelay100 = new();
        routes.Add(HttpImplementations.MediatR, LoadCases.Baseline, context => HelloEndpoint.Respond(context, new(mediatR.Send(mrBaseline))));
        routes.Add(HttpImplementations.MediatR, LoadCases.NoOp1, context => HelloEndpoint.Respond(context, new(mediatR.Send(mrNoOp1))));
        routes.Add(HttpImplementations.MediatR, LoadCases.NoOp5, context => HelloEndpoint.Respond(context, new(mediatR.Send(mrNoOp5))));
        routes.Add(HttpImplementations.MediatR, LoadCases.Blocking5, context => HelloEndpoint.Respond(context, new(mediatR.Send(mrBlocking5))));
        routes.Add(HttpImplementations.MediatR, LoadCases.Delay10x5, context => HelloEndpoint.Respond(context, new(mediatR.Send(mrDelay10))));
        routes.Add(HttpImplementations.MediatR, LoadCases.Delay100x5, context => HelloEndpoint.Respond(context, new(mediatR.Send(mrDelay100))));
    });
