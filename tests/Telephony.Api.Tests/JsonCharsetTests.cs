using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>A JSON body whose Content-Type names a charset is read in that charset, or refused with 415 when no encoding has that name.</summary>
public sealed class JsonCharsetTests : IAsyncLifetime
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

    private Task<HttpResponseMessage> PostAsync(string path, string json, string contentType, Encoding? encoding = null)
    {
        var content = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(json));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return _client.SendAsync(request);
    }
}
