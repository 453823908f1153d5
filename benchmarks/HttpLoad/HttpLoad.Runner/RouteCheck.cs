namespace HttpLoad.Runner;

/// <summary>Before anything is measured: every route answers 200 with the seed's body, and the problem-details
/// handler of the idle row really is registered (a thrown built-in exception comes back as problem details).</summary>
public static class RouteCheck
{
    public static async Task EveryVariantAnswers(HttpClient http, IEnumerable<Uri> routes)
    {
        foreach (var route in routes)
        {
            using var response = await http.GetAsync(route);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode || body != HttpRoutes.ExpectedBody || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                throw new InvalidOperationException($"{route} answered {(int)response.StatusCode} {response.Content.Headers.ContentType} '{body}', not 200 application/json {HttpRoutes.ExpectedBody}");
            }
        }
    }

    public static async Task ProblemDetailsHandlerIsLive(HttpClient http, Uri probe)
    {
        using var response = await http.GetAsync(probe);
        if ((int)response.StatusCode != 504 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new InvalidOperationException($"{probe} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}, not 504 application/problem+json: the problem-details handler is not in the idle row's path");
        }
    }
}
