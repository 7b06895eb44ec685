using System.Text.Json;

namespace Telephony.Api.Tests.Hardening;

/// <summary>One operation of the OpenAPI document: a method on a path template such as <c>/sessions/{sessionId}</c>.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The path with its parameters in braces.</param>
/// <param name="PathParameters">The names of its path parameters, in order.</param>
public sealed record ApiRoute(HttpMethod Method, string Template, IReadOnlyList<string> PathParameters)
{
    /// <summary>Every API operation of the host's <c>/openapi/v1.json</c> (the webhooks left out).</summary>
    public static async Task<IReadOnlyList<ApiRoute>> ReadAllAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var routes = new List<ApiRoute>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                // Webhooks take no API key; the webhook fuzz cases and tests cover them with their providers' signatures.
                if (operation.Value.TryGetProperty("tags", out var tags) && tags.EnumerateArray().Any(t => t.GetString() == "Webhooks"))
                {
                    continue;
                }

                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                routes.Add(new ApiRoute(new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, parameters));
            }
        }

        return routes;
    }

    /// <summary>The path with each parameter replaced by its value in <paramref name="values"/>, escaped.</summary>
    public string Path(IReadOnlyDictionary<string, string> values) =>
        PathParameters.Aggregate(Template, (path, name) => path.Replace($"{{{name}}}", Uri.EscapeDataString(values[name]), StringComparison.Ordinal));

    /// <summary>A body that passes validation on this route, so that a refusal can only come from the id.</summary>
    public string? ValidBody => (Method.Method, Template) switch
    {
        ("PATCH", "/sessions/{sessionId}") => """{"consoleData":"x","callState":"Hold"}""",
        ("POST", "/sessions/{sessionId}/redirect") => """{"destination":"+15550003333"}""",
        ("POST", "/sessions/{sessionId}/conference/members") => """{"destination":"+15550002222"}""",
        ("POST", "/sessions/{sessionId}/members") => """{"memberToAdd":"pat@acme.example"}""",
        ("POST", "/workspaces/{workspaceSid}/workers") => """{"friendlyName":"mallory"}""",
        ("POST", "/workspaces/{workspaceSid}/task-queues") => """{"friendlyName":"mallory"}""",
        ("POST", "/workspaces/{workspaceSid}/tasks") => """{"queueSid":"WQ00000000000000000000000000000000"}""",
        ("POST" or "PATCH" or "PUT", _) => "{}",
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Template}";
}
