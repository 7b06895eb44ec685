using System.Net;
using System.Text.RegularExpressions;

namespace Telephony.Api.Tests;

/// <summary>The front page and the API reference: served by the service itself, with nothing loaded from another host.</summary>
public sealed partial class PagesTests : IClassFixture<PagesTests.Host>
{
    private readonly HttpClient _http;

    public PagesTests(Host host) => _http = host.Client;

    [Fact]
    public async Task The_front_page_says_what_the_service_is_checks_its_health_and_links_to_the_console_the_reference_the_document_and_the_sdk()
    {
        using var response = await _http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("text/html", "utf-8"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet));
        Assert.Contains("<title>Telephony</title>", html, StringComparison.Ordinal);
        Assert.Contains("fetch('/health/ready'", html, StringComparison.Ordinal);
        Assert.Equal(["/console", "/reference", "/openapi/v1.json", "/sdk/index.js", "/sdk/index.d.ts"], Links(html));
        Assert.Empty(ExternalUrls(html));
    }

    [Fact]
    public async Task On_a_development_node_the_front_page_links_to_the_console_with_the_development_workspace_and_worker()
    {
        await using var api = new ApiFactory();
        using var http = api.CreateClient();

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative));
        var console = Links(await page.Content.ReadAsStringAsync())[0];
        using var response = await http.GetAsync(new Uri(WebUtility.HtmlDecode(console), UriKind.Relative));

        Assert.Equal($"/console/?workspace={Hosting.DevelopmentAccount.WorkspaceSid}&amp;worker={Hosting.DevelopmentAccount.WorkerSid}", console);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_link_of_the_front_page_but_the_console_answers_from_this_service()
    {
        using var page = await _http.GetAsync(new Uri("/", UriKind.Relative));
        foreach (var link in Links(await page.Content.ReadAsStringAsync()).Where(l => l != "/console"))
        {
            using var response = await _http.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_api_reference_renders_the_openapi_document_with_scripts_of_this_service_only()
    {
        using var response = await _http.GetAsync(new Uri("/reference/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Empty(ExternalUrls(html));
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        Assert.Equal(["scalar.js", "scalar.aspnetcore.js"], scripts);
        foreach (var script in scripts)
        {
            using var served = await _http.GetAsync(new Uri($"/reference/{script}", UriKind.Relative));
            Assert.Equal((HttpStatusCode.OK, "text/javascript"), (served.StatusCode, served.Content.Headers.ContentType?.MediaType));
        }
    }

    private static List<string> Links(string html) => [.. Hrefs().Matches(html).Select(m => m.Groups["href"].Value)];

    private static List<string> ExternalUrls(string html) => [.. AbsoluteUrls().Matches(html).Select(m => m.Value)];

    [GeneratedRegex("""href="(?<href>[^"]*)""")]
    private static partial Regex Hrefs();

    [GeneratedRegex("""<script[^>]*\ssrc="(?<src>[^"]*)""")]
    private static partial Regex ScriptSources();

    [GeneratedRegex("""(?:https?:)?//[A-Za-z0-9.-]+""")]
    private static partial Regex AbsoluteUrls();

    /// <summary>One host for the class.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly ApiFactory _api = new(SessionAccounts.Settings());

        public HttpClient Client { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Client = _api.CreateClient();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await _api.DisposeAsync();
    }
}
