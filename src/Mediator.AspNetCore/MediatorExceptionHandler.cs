using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mediator.AspNetCore;

/// <summary>
/// Turns the built-ins' exceptions into problem details responses (<see cref="MediatorProblem"/>) inside ASP.NET
/// Core's exception handler middleware (<c>app.UseExceptionHandler()</c>): 400, 401, 403, 429 and 503 with
/// <c>Retry-After</c>, 504. Any other exception is left to the app's next handler (500 by default). It runs only when a
/// request has thrown: a request that succeeds never reaches it.
/// </summary>
public sealed class MediatorExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problemDetails;

    /// <summary>Creates the handler.</summary>
    /// <param name="problemDetails">Writes the body (registered by <c>AddProblemDetails</c>).</param>
    public MediatorExceptionHandler(IProblemDetailsService problemDetails)
        => _problemDetails = problemDetails ?? throw new ArgumentNullException(nameof(problemDetails));

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (MediatorProblem.For(exception, out var retryAfter) is not { } problem) return false;

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (retryAfter is { } delay) httpContext.Response.Headers[HeaderNames.RetryAfter] = MediatorProblem.RetryAfterSeconds(delay);

        // When the client accepts no JSON the writer declines; the status and Retry-After still answer it.
        await _problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
        return true;
    }
}
