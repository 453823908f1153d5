using Mediator.Authorization;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Validation;
using Microsoft.AspNetCore.Diagnostics;

namespace HttpLoad.Server.Ours;

/// <summary>
/// The problem-details row's exception handler, written here because the ASP.NET Core integration package (issue 21,
/// branch i21-aspnet) has not landed on main: RFC 9457 problem details through <c>IProblemDetailsService</c> for the
/// built-ins' typed exceptions, as that package's handler does. On the measured success path it never runs; the
/// runner calls <see cref="HttpRoutes.ProblemDetailsProbe"/> once to prove it is live.
/// </summary>
public sealed class BuiltInProblemDetails(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int? status = exception switch
        {
            ValidationException => StatusCodes.Status400BadRequest,
            AuthorizationException => StatusCodes.Status403Forbidden,
            RateLimitExceededException => StatusCodes.Status429TooManyRequests,
            BulkheadRejectedException or CircuitOpenException => StatusCodes.Status503ServiceUnavailable,
            MessageTimeoutException => StatusCodes.Status504GatewayTimeout,
            _ => null,
        };
        if (status is not { } code)
        {
            return ValueTask.FromResult(false);
        }

        httpContext.Response.StatusCode = code;
        return problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception });
    }
}
