using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WebApi.Orders;
using WebApi.Shipping;

namespace WebApi.Http;

/// <summary>
/// Problem details for the app's own exceptions: 409 for an order the stock cannot serve, 502 when the carrier does
/// not answer; and 400 for a request that does not bind, which Development throws rather than answers. The built-ins' exceptions (400, 401, 403, 429, 503, 504) are answered by CompiledMediator.AspNetCore's
/// handler before this one; anything else falls through to <c>UseExceptionHandler</c>'s 500 problem.
/// </summary>
internal sealed class ShopExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            OutOfStockException outOfStock => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Out of stock",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                Detail = outOfStock.Message + " Nothing was ordered.",
            },
            CarrierUnavailableException => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Title = "Bad Gateway",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.3",
                Detail = "The carrier did not answer; try again later.",
            },
            // ASP.NET Core's own: a body or parameter that does not bind. Minimal APIs answer it with a bare 400 (a problem
            // through UseStatusCodePages) except in Development, where they throw it instead: answered here, it is the
            // same 400 problem in every environment. Title and type come from the status (ProblemDetailsDefaults).
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Detail = "The request could not be read.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        return true;
    }
}
