using System.Net;
using System.Text;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>
/// Twilio's REST API as far as the session grain uses it: records every request, answers call and participant creation
/// with new call (and conference) sids and everything else with 200, and can hold back or fail chosen requests.
/// </summary>
internal sealed class FakeTwilioApi : HttpMessageHandler
{
    public const string ConferenceSid = "CF00000000000000000000000000000001";

    private readonly Lock _gate = new();
    private readonly List<(HttpMethod Method, string Path, string Body)> _requests = [];
    private int _calls;

    /// <summary>Requests whose path contains this text wait for <see cref="Release"/>.</summary>
    public string? HoldBack { get; set; }

    /// <summary>Completes when a held-back request has arrived.</summary>
    public TaskCompletionSource HeldBackArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests whose path contains this text are answered with <see cref="FailureStatus"/>.</summary>
    public string? Fail { get; set; }

    /// <summary>The status failed requests get.</summary>
    public HttpStatusCode FailureStatus { get; set; } = HttpStatusCode.NotFound;

    private TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every request so far: method, path below the account, form body.</summary>
    public IReadOnlyList<(HttpMethod Method, string Path, string Body)> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Lets held-back requests through.</summary>
    public void Release() => Released.TrySetResult();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        path = path[(path.IndexOf("/Accounts/", StringComparison.Ordinal) + "/Accounts/".Length)..];
        path = path[path.IndexOf('/', StringComparison.Ordinal)..];
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_gate)
        {
            _requests.Add((request.Method, path, body));
        }

        if (HoldBack is { } held && path.Contains(held, StringComparison.Ordinal))
        {
            HeldBackArrived.TrySetResult();
            await Released.Task.WaitAsync(cancellationToken);
        }

        if (Fail is { } failing && path.Contains(failing, StringComparison.Ordinal))
        {
            return Json(FailureStatus, """{"code":20404,"message":"The requested resource was not found"}""");
        }

        return path switch
        {
            _ when path.EndsWith("/Participants.json", StringComparison.Ordinal) =>
                Json(HttpStatusCode.Created, $$"""{"call_sid":"CA{{Interlocked.Increment(ref _calls):D32}}","conference_sid":"{{ConferenceSid}}"}"""),
            "/Calls.json" => Json(HttpStatusCode.Created, $$"""{"sid":"CA{{Interlocked.Increment(ref _calls):D32}}"}"""),
            _ => Json(HttpStatusCode.OK, "{}"),
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
