using System;
using Mediator.Authorization;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mediator.AspNetCore;

/// <summary>
/// The RFC 9457 problem details of each exception the built-ins throw (and of ASP.NET Core's <c>BadHttpRequestException</c>,
/// a request that does not bind), and the <c>Retry-After</c> that goes with it.
/// The bodies say what the client can act on, never the policy, role or limits that refused it (those are in the
/// exception, for the server's logs).
/// </summary>
public static class MediatorProblem
{
    /// <summary>The problem details of <paramref name="exception"/>, or null when it is not a built-in's exception.</summary>
    /// <param name="exception">An exception thrown by a dispatch.</param>
    /// <param name="retryAfter">The delay to send as <c>Retry-After</c>, when the exception knows one.</param>
    /// <returns>The problem details (its <see cref="ProblemDetails.Status"/> set), or null.</returns>
    public static ProblemDetails? For(Exception exception, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        switch (exception)
        {
            case ValidationException validation:
                return new HttpValidationProblemDetails(validation.ErrorsByMember())
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "One or more validation errors occurred.",
                    Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                };
            case AuthorizationException { Failure: AuthorizationFailure.Unauthenticated }:
                return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                    "An authenticated caller is required.");
            case AuthorizationException:
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                    "The caller may not perform this operation.");
            case RateLimitExceededException rateLimit:
                retryAfter = rateLimit.RetryAfter;
                return Problem(StatusCodes.Status429TooManyRequests, "Too Many Requests", "https://tools.ietf.org/html/rfc6585#section-4",
                    rateLimit.RetryAfter is null ? "The caller has sent too many requests." : "The caller has sent too many requests; retry after the time in the Retry-After header.");
            case BulkheadRejectedException:
                return Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                    "The operation is at its concurrency limit; try again later.");
            case CircuitOpenException circuit:
                retryAfter = circuit.RetryAfter;
                return Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                    "The operation is failing and paused; retry after the time in the Retry-After header.");
            case MessageTimeoutException:
                return Problem(StatusCodes.Status504GatewayTimeout, "Gateway Timeout", "https://tools.ietf.org/html/rfc9110#section-15.6.5",
                    "The operation did not complete in time.");
            // ASP.NET Core's own, for a body or parameter that does not bind: minimal APIs answer it with a bare 400 except
            // in Development, where they throw it. Answered here, it is the same problem in every environment. Its message
            // names the parameter and the parse error: server logs only.
            case BadHttpRequestException badRequest:
                // Its status may be 400, 408, 413...: the title and type come from the status (ProblemDetailsDefaults).
                return new ProblemDetails { Status = badRequest.StatusCode, Detail = "The request could not be read." };
            default:
                return null;
        }
    }

    /// <summary>The <c>Retry-After</c> value of <paramref name="delay"/>: whole seconds, rounded up, at least 1 (RFC 9110 §10.2.3).</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The header value.</returns>
    public static string RetryAfterSeconds(TimeSpan delay)
        => Math.Max(1L, (long)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ProblemDetails Problem(int status, string title, string type, string detail)
        => new() { Status = status, Title = title, Type = type, Detail = detail };
}
