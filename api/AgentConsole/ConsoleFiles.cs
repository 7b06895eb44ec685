using Microsoft.Extensions.FileProviders;
using Telephony.Api.Sdk;

namespace Telephony.Api.AgentConsole;

/// <summary>
/// Serves the agent and supervisor console (<c>api/AgentConsole/site</c>, copied beside the app at build as
/// <c>console/</c>) at <c>/console/</c>: static HTML, CSS and ES modules that import the SDK from <c>/sdk/</c>.
/// </summary>
public static class ConsoleFiles
{
    /// <summary>Where the console is served; <c>/console</c> redirects to <c>/console/</c>.</summary>
    public const string Path = "/console";

    // The page talks only to this service and loads nothing from elsewhere: no CDN, no inline script.
    private const string ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Serves the console's files; anything else under <c>/console/</c> falls through to a 404.</summary>
    public static IApplicationBuilder UseConsoleFiles(this IApplicationBuilder app)
    {
        var options = new FileServerOptions
        {
            FileProvider = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "console")),
            RequestPath = Path,
            EnableDefaultFiles = true,
        };
        options.StaticFileOptions.ContentTypeProvider = SdkFiles.BrowserContentTypes();
        options.StaticFileOptions.OnPrepareResponse = context =>
        {
            context.Context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Context.Response.Headers.XContentTypeOptions = "nosniff";
        };
        return app.UseFileServer(options);
    }
}
