using System.Net;
using System.Reflection;
using System.Text;
using Telephony.Api.Hosting;

namespace Telephony.Api.Pages;

/// <summary>
/// <c>GET /</c>: a plain HTML page (no framework, nothing from another host) that says what the service is, shows its
/// readiness, and links to the console, the API reference, the OpenAPI document and the JavaScript SDK.
/// </summary>
internal static class FrontPage
{
    /// <summary>The page, embedded in the assembly so that it is served from wherever the app runs.</summary>
    private static readonly Lazy<byte[]> Html = new(static () =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Telephony.Api.Pages.index.html")
            ?? throw new InvalidOperationException("The front page is missing from the assembly's resources.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>
    /// Maps <c>GET /</c> (left out of the OpenAPI document: it is a page, not an API). On a development node the console
    /// link carries the development workspace and worker, so a newcomer signs in with the agent key alone.
    /// </summary>
    public static IEndpointRouteBuilder MapFrontPage(this IEndpointRouteBuilder routes)
    {
        var html = routes.ServiceProvider.GetService<DevelopmentRouting>() is { } development
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Html.Value).Replace("href=\"/console\"", $"href=\"{WebUtility.HtmlEncode(development.ConsolePath())}\"", StringComparison.Ordinal))
            : Html.Value;
        routes.MapGet("/", () => TypedResults.Bytes(html, "text/html; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }
}
