using System.Net;

namespace Telephony.Api.Tests;

/// <summary>The JavaScript SDK is served at /sdk/ to any page, without a key; nothing else is reachable through it.</summary>
public sealed class SdkFilesTests
{
    [Fact]
    public async Task The_sdk_modules_and_types_are_served_and_other_paths_are_404()
    {
        await using var api = new ApiFactory();
        using var client = api.CreateClient();

        using var module = await client.GetAsync("/sdk/index.js");
        using var types = await client.GetAsync("/sdk/index.d.ts");
        using var tests = await client.GetAsync("/sdk/test/sdk.test.mjs");
        using var outside = await client.GetAsync("/sdk/..%2Fappsettings.json");

        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Equal("text/javascript", module.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Testing.RepositoryRoot.Path, "sdk", "js", "index.js")), await module.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.OK, "text/plain"), (types.StatusCode, types.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, tests.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal("application/problem+json", outside.Content.Headers.ContentType?.MediaType);
    }
}
