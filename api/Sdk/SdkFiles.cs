using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Telephony.Api.Sdk;

/// <summary>
/// Serves the JavaScript SDK (<c>sdk/js</c>, copied beside the app at build) at <c>/sdk/</c>, so a page of any origin
/// the service trusts can <c>import</c> it: modules as <c>text/javascript</c>, type declarations as plain text.
/// </summary>
public static class SdkFiles
{
    /// <summary>Where the SDK is served.</summary>
    public const string Path = "/sdk";

    /// <summary>Serves the SDK's files; anything else under <c>/sdk/</c> falls through to a 404.</summary>
    public static IApplicationBuilder UseSdkFiles(this IApplicationBuilder app)
    {
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "sdk")),
            RequestPath = Path,
            ContentTypeProvider = BrowserContentTypes(),
        });
    }

    /// <summary>Content types for files a browser loads from this service: modules as <c>text/javascript</c>, type declarations as plain text.</summary>
    public static FileExtensionContentTypeProvider BrowserContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".ts"] = "text/plain; charset=utf-8";
        return types;
    }
}
