using System;
using System.Security.Claims;
using Mediator.BuiltIns;
using Microsoft.AspNetCore.Http;

namespace Mediator.AspNetCore;

/// <summary>
/// The caller of a dispatch is the user of the HTTP request it runs in (<c>HttpContext.User</c>), for every built-in that
/// keys on the caller: authorization, rate limiting and caching. Outside a request (a background service, a message
/// consumer) there is no caller: authorization refuses messages that require it (401), rate limiting draws from the
/// anonymous partition, and caching does not key answers by a caller.
/// </summary>
public sealed class HttpContextCallerAccessor : ICallerAccessor
{
    private readonly IHttpContextAccessor _http;

    /// <summary>Creates the accessor.</summary>
    /// <param name="http">ASP.NET Core's accessor of the current request.</param>
    public HttpContextCallerAccessor(IHttpContextAccessor http) => _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <inheritdoc />
    public ClaimsPrincipal? Caller => _http.HttpContext?.User;
}
