namespace Telephony.Providers.Twilio;

/// <summary>
/// The end of the Twilio library's HTTP pipeline: sends each request, which the library addresses to
/// <c>https://api.twilio.com</c>, to the account's API base URL through our <see cref="HttpClient"/> (from
/// <see cref="IHttpClientFactory"/>, with its timeout, handlers and logging), under the command's cancellation.
/// </summary>
/// <param name="httpClient">Our client; it sends every request.</param>
/// <param name="apiBaseUrl">Where Twilio's REST API is reached (<see cref="TwilioSettings.ApiBaseUrl"/>); its path is kept.</param>
internal sealed class TwilioApiHandler(HttpClient httpClient, Uri apiBaseUrl) : HttpMessageHandler
{
    private readonly string _apiBase = apiBaseUrl.AbsoluteUri.TrimEnd('/');

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = TwilioRequestScope.Current;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, scope?.CancellationToken ?? CancellationToken.None);
        var response = await httpClient.SendAsync(Forwarded(request), cancellation.Token).ConfigureAwait(false);
        scope?.Status = response.StatusCode;
        return response;
    }

    /// <summary>
    /// A copy of the library's request at our base URL: an <see cref="HttpClient"/> refuses a message another one has
    /// sent. Every resource the adapter uses lives under api.twilio.com, so only the path and query carry over.
    /// </summary>
    private HttpRequestMessage Forwarded(HttpRequestMessage request)
    {
        var forwarded = new HttpRequestMessage(request.Method, _apiBase + request.RequestUri!.PathAndQuery)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var (name, values) in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(name, values);
        }

        return forwarded;
    }
}
