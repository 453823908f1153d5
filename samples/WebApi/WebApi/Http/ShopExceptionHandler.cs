using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WebApi.Orders;
using WebApi.Shipping;

namespace WebApi.Http;

/// <summary>
/// Problem details for the app's own exceptions: 409 for an order the stock cannot serve, 502 when the carrier does
/// not answer. The built-ins' exceptions (400, 401, 403, 429, 503, 504) and a request that does not bind (which
/// Development throws rather than answers) are answered by CompiledMediator.AspNetCore's
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
