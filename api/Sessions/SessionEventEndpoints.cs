using System.Text;
using System.Text.Json;
using Orleans;
using Telephony.Api.Hosting;
using Telephony.Api.Security;
using Telephony.GrainInterfaces;
using Telephony.GrainInterfaces.Sessions.Events;
using Telephony.Grains.Sessions.Events;

namespace Telephony.Api.Sessions;

/// <summary>
/// <c>GET /sessions/events</c>: the key's account's session changes as Server-Sent Events (Evo Voice's notification
/// kinds, each with the session as the API shows it), optionally only those of one user's sessions, resumable with
/// <c>Last-Event-ID</c>. The stream subscribes on this node first, then replays each shard's ring after the client's
/// position, then writes live events, skipping positions it has passed; what the rings no longer hold is a
/// <c>stream.reset</c>, after which the client reads <c>/sessions/active</c> again.
/// </summary>
internal static class SessionEventEndpoints
{
    /// <summary>The event a stream writes once it is live, with its position as id.</summary>
    public const string ReadyEvent = "stream.ready";

    /// <summary>The event a stream writes when events were lost.</summary>
    public const string ResetEvent = "stream.reset";

    /// <summary>The user filter's query parameter.</summary>
    public const string UserIdParameter = "userId";

    private static readonly string ResetData = ApiJson.Serialize(
        new SessionStreamReset("Some session events are no longer kept; read the live sessions again.", "/sessions/active"),
        ApiJsonContext.Default.SessionStreamReset);

    /// <summary>Streams the caller's account's session events until the client goes or the host stops.</summary>
    public static async Task StreamAsync(HttpContext http, IGrainFactory grains, SessionEventBroadcaster broadcaster, IHostApplicationLifetime lifetime)
    {
        var userId = http.Request.Query[UserIdParameter].ToString();
        if (http.Request.Query.ContainsKey(UserIdParameter) && (userId.Length is 0 or > 256 || !PrintableText.IsValid(userId)))
        {
            await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [UserIdParameter] = ["'userId' must be 1 to 256 printable characters."] }).ExecuteAsync(http);
            return;
        }

        SessionEventCursor? resumeFrom = null;
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        if (lastEventId.Length > 0 && !SessionEventCursor.TryParse(lastEventId, out resumeFrom))
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["Last-Event-ID"] = [$"Last-Event-ID must be the id of an event of this stream: {SessionEventShards.Count} positions separated by dots."] })
                .ExecuteAsync(http);
            return;
        }

        var accountId = http.User.AccountId();
        var filter = userId.Length > 0 ? userId : null;
        using var streaming = ServerSentEvents.Lifetime(http, lifetime);
        var cancellation = streaming.Token;
        try
        {
            using var subscription = await broadcaster.SubscribeAsync(accountId, cancellation);
            await ServerSentEvents.StartAsync(http.Response, cancellation);
            var cursor = resumeFrom ?? SessionEventCursor.At(subscription.Start);
            if (resumeFrom is not null && !await ReplayAsync(http.Response, grains, accountId, cursor, filter, cancellation))
            {
                await ServerSentEvents.WriteAsync(http.Response, cursor.ToString(), ResetEvent, ResetData, cancellation);
            }

            var ready = ApiJson.Serialize(new SessionStreamReady(filter), ApiJsonContext.Default.SessionStreamReady);
            await ServerSentEvents.WriteAsync(http.Response, cursor.ToString(), ReadyEvent, ready, cancellation);
            await foreach (var item in subscription.Items.ReadAllAsync(cancellation))
            {
                await WriteAsync(http.Response, item, cursor, filter, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or the host is stopping (even while following); the client resumes with Last-Event-ID.
        }
    }

    /// <summary>Writes what each shard's ring holds after the cursor; false when a ring no longer holds all of it.</summary>
    private static async Task<bool> ReplayAsync(
        HttpResponse response, IGrainFactory grains, string accountId, SessionEventCursor cursor, string? userId, CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, SessionEventShards.Count).Select(shard =>
            grains.GetGrain<ISessionEventShardGrain>(SessionEventShards.Key(accountId, shard)).GetEvents(cursor[shard])));
        var complete = true;
        for (var shard = 0; shard < pages.Length; shard++)
        {
            if (pages[shard].Lost)
            {
                complete = false;
                cursor[shard] = pages[shard].Newest;
                continue;
            }

            foreach (var sessionEvent in pages[shard].Events)
            {
                await WriteAsync(response, new SessionFeedItem(shard, sessionEvent, sessionEvent.Position), cursor, userId, cancellationToken);
            }
        }

        return complete;
    }

    /// <summary>Moves the cursor past <paramref name="item"/> and writes it, unless it was passed already or is another user's.</summary>
    private static Task WriteAsync(HttpResponse response, SessionFeedItem item, SessionEventCursor cursor, string? userId, CancellationToken cancellationToken)
    {
        if (item.Position <= cursor[item.Shard])
        {
            return Task.CompletedTask;
        }

        cursor[item.Shard] = item.Position;
        if (item.Event is not { } sessionEvent)
        {
            return ServerSentEvents.WriteAsync(response, cursor.ToString(), ResetEvent, ResetData, cancellationToken);
        }

        var change = sessionEvent.Change;
        if (userId is not null && !change.Users.Contains(userId, StringComparer.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        var type = JsonSerializer.Serialize(sessionEvent.Kind, ApiJsonContext.Default.SessionEventKind).Trim('"');
        var data = sessionEvent.Kind == SessionEventKind.ActiveSessionsChanged
            ? ApiJson.Serialize(change.Ended ? new ActiveSessionsChange([], [change.SessionId]) : new ActiveSessionsChange([change.SessionId], []), ApiJsonContext.Default.ActiveSessionsChange)
            : Encoding.UTF8.GetString(change.Document);
        return ServerSentEvents.WriteAsync(response, cursor.ToString(), type, data, cancellationToken);
    }
}
