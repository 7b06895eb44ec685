using System.Net;

namespace Telephony.Api.Tests;

/// <summary>The console is served at /console/ to any browser, without a key, as a page that loads only this service's files.</summary>
public sealed class ConsoleFilesTests
{
    [Fact]
    public async Task The_console_page_and_modules_are_served_with_a_same_origin_policy_and_other_paths_are_404()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var bare = await client.GetAsync("/console");
        using var page = await client.GetAsync("/console/");
        using var module = await client.GetAsync("/console/app.js");
        using var missing = await client.GetAsync("/console/nothing.js");
        using var outside = await client.GetAsync("/console/..%2Fappsettings.json");

        Assert.Equal((HttpStatusCode.MovedPermanently, "/console/"), (bare.StatusCode, bare.Headers.Location?.AbsolutePath));
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryRoot.Path, "api", "AgentConsole", "site", "index.html")), await page.Content.ReadAsStringAsync());
        Assert.Equal("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (module.StatusCode, module.Content.Headers.ContentType?.MediaType));
        Assert.Equal("nosniff", module.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
    }
}
