using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HttpLoad;

/// <summary>
/// Every variant is its own little application: a branch built with <c>app.New()</c>, holding the variant's
/// <c>app.Use</c> layers (if any) and its endpoint. The server's one terminal middleware picks the branch by exact path
/// from a frozen dictionary, so every variant, the baseline included, pays the same lookup and nothing else; no
/// variant's middleware runs for another's requests.
/// </summary>
public sealed class RouteTable(IApplicationBuilder app)
{
    private readonly Dictionary<string, RequestDelegate> _routes = new(StringComparer.Ordinal);

    public void Add(string implementation, string @case, RequestDelegate endpoint, Action<IApplicationBuilder>? layers = null)
        => AddPath(HttpRoutes.Path(implementation, @case), endpoint, layers);

    public void AddPath(string path, RequestDelegate endpoint, Action<IApplicationBuilder>? layers = null)
    {
        var branch = app.New();
        layers?.Invoke(branch);
        branch.Run(endpoint);
        _routes.Add(path, branch.Build());
    }

    public FrozenDictionary<string, RequestDelegate> Freeze() => _routes.ToFrozenDictionary(StringComparer.Ordinal);
}
