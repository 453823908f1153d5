namespace HttpLoad;

/// <summary>
/// The implementations of the HTTP table and the decision rounds: the ids the servers route by, the runner asks for,
/// and the results file and the charts carry. The cases are the in-process harness's (<see cref="LoadHarness.LoadCases"/>).
/// </summary>
public static class HttpImplementations
{
    /// <summary>The endpoint calls the handler itself; its layers, where a case has them, are hand-written nested async
    /// methods (the ASGI end of the seed's comparison).</summary>
    public const string Direct = "direct";

    /// <summary>A second, separately built copy of the direct baseline in the same server: the A/A control.</summary>
    public const string DirectCopy = "direct-aa";

    /// <summary>ASP.NET Core middleware stacked with <c>app.Use</c>: the closest analogue of Starlette's middleware.</summary>
    public const string AspNetUse = "aspnet-use";

    /// <summary>Our generated pipeline through <c>ISender.Send</c> (the interface an endpoint takes).</summary>
    public const string OursSender = "ours-isender";

    /// <summary>Our generated pipeline through the concrete generated class's typed <c>Send</c> overload.</summary>
    public const string OursTyped = "ours-typed";

    /// <summary>Our middlewares composed per call as a run-time delegate chain (BaseHTTPMiddleware's shape).</summary>
    public const string OursDelegateChain = "ours-delegate-chain";

    /// <summary>martinothamar/Mediator 3.0.2 pipeline behaviors, in its own server (its types share our namespace).</summary>
    public const string Martinothamar = "martinothamar-3.0.2";

    /// <summary>MediatR 5.1.0 pipeline behaviors through <c>IMediator.Send</c>.</summary>
    public const string MediatR = "mediatr-5.1.0";

    /// <summary>The direct baseline behind <c>UseExceptionHandler</c> with <c>AddProblemDetails()</c> and an
    /// <c>IExceptionHandler</c> registered: the success path while the problem-details path is idle.</summary>
    public const string ProblemDetailsIdle = "problem-details-idle";

    /// <summary>The direct baseline of the martinothamar server: that process's own anchor.</summary>
    public const string DirectInMartinothamarServer = "direct-martinothamar-server";
}

/// <summary>The two server executables (assembly names collide between ours and martinothamar/Mediator).</summary>
public static class HttpServers
{
    public const string Ours = "ours";
    public const string Martinothamar = "martinothamar";
}

/// <summary>Where a variant is served: <c>/{implementation}/{case}</c>.</summary>
public static class HttpRoutes
{
    public static string Path(string implementation, string @case) => $"/{implementation}/{@case}";

    /// <summary>Empties the blocking layers' files between runs (outside the measured part).</summary>
    public const string Truncate = "/admin/truncate";

    /// <summary>Throws through the problem-details variant's exception handler: proves the handler is live.</summary>
    public const string ProblemDetailsProbe = "/problem-details-idle/throw";

    /// <summary>The body every route must answer with (the runner checks each route once before it measures).</summary>
    public const string ExpectedBody = "{\"Hello\":\"World\"}";
}
