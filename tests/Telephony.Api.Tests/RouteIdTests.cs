using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Api.Tests;

/// <summary>An id in a route that no object could have is refused with 400 naming the parameter, before any lookup.</summary>
public sealed class RouteIdTests : IAsyncLifetime
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

    private Task<HttpResponseMessage> SendAsync(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return _client.SendAsync(request);
    }
}
