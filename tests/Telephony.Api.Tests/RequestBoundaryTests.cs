using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>
/// What the pipeline checks before any endpoint runs: a JSON body's charset (read in it, or 415 when no encoding has that
/// name), route ids (400 naming the parameter when no object could have one), and problem details for every client.
/// </summary>
public sealed class RequestBoundaryTests : IAsyncLifetime
{
    private readonly ApiFactory _api = new(Settings());
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("/simulator/calls/incoming", """{"from":"+15551230001","to":"+15557654321"}""")]
    [InlineData("/sessions/outgoing", """{"numberToDial":"+15551230001"}""")]
    [InlineData("/workspaces", """{"friendlyName":"support"}""")]
    public async Task An_unknown_charset_is_415_naming_the_content_type(string path, string json)
    {
        var response = await PostAsync(path, json, "application/json; charset=no-such-charset");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal("The request body's charset is not supported.", problem!.Title);
        Assert.Equal(["The charset 'no-such-charset' is not a known encoding; send UTF-8."], problem.Errors["Content-Type"]);
    }

    [Fact]
    public async Task A_known_charset_other_than_utf8_is_read_in_that_charset()
    {
        var response = await PostAsync("/workspaces", """{"friendlyName":"support"}""", "application/json; charset=utf-16", Encoding.Unicode);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("\"friendlyName\":\"support\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_that_accepts_only_xml_still_gets_problem_details()
    {
        using var refused = new HttpRequestMessage(HttpMethod.Post, "/workspaces") { Content = new StringContent("{}", Encoding.UTF8) };
        refused.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=no-such-charset");
        refused.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        refused.Headers.Accept.ParseAdd("application/xml");
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/sessions");
        anonymous.Headers.Accept.ParseAdd("application/xml");

        var charset = await _client.SendAsync(refused);
        var unauthorized = await _client.SendAsync(anonymous);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json"), (charset.StatusCode, charset.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (unauthorized.StatusCode, unauthorized.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("GET", "/sessions/%20", "sessionId")]
    [InlineData("DELETE", "/sessions/abc%0D%0A", "sessionId")]
    [InlineData("POST", "/workspaces/WS1/workers/WK1/reservations/%0D%0A/participant", "reservationSid")]
    [InlineData("GET", "/workspaces/WS1/workers/%EF%BF%BE/events", "workerSid")]
    [InlineData("DELETE", "/sessions/s1/members/a%01b", "memberId")]
    public async Task A_blank_or_unprintable_id_is_400_naming_the_parameter(string method, string path, string parameter)
    {
        var response = await SendAsync(method, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal("The request's route is invalid.", problem!.Title);
        Assert.Equal([$"'{parameter}' must be 1 to 256 printable characters."], problem.Errors[parameter]);
    }

    [Fact]
    public async Task An_id_longer_than_any_we_give_out_is_400()
    {
        var response = await SendAsync("GET", $"/sessions/{new string('a', 257)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_printable_unknown_id_is_still_404()
    {
        var response = await SendAsync("GET", "/sessions/zoë-😀");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json, string contentType, Encoding? encoding = null)
    {
        var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(json));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return _client.SendAsync(request);
    }
}
