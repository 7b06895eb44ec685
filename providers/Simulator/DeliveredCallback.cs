namespace Telephony.Providers.Simulator;

/// <summary>One callback the simulator sent (or failed to send) to our webhooks.</summary>
public sealed record DeliveredCallback
{
    /// <summary>Position in the simulator's delivery order, from 1.</summary>
    public required long Number { get; init; }

    /// <summary>The provider's name of the callback, for example <c>status:ringing</c> or <c>conferenceMemberJoin</c>.</summary>
    public required string EventName { get; init; }

    /// <summary>The leg it is about, if any.</summary>
    public string? CallId { get; init; }

    /// <summary>The conference it is about, if any.</summary>
    public string? ConferenceId { get; init; }

    /// <summary>The public URL the provider was given; Twilio signs this one.</summary>
    public required Uri Url { get; init; }

    /// <summary>Where it was actually sent (our own listening address); null when the URL is not ours.</summary>
    public Uri? DeliveredTo { get; init; }

    /// <summary>The request body as sent.</summary>
    public required string Body { get; init; }

    /// <summary>Our webhook's HTTP status; null when it could not be reached.</summary>
    public int? StatusCode { get; init; }

    /// <summary>What went wrong; null when our webhook answered 2xx.</summary>
    public string? Error { get; init; }

    /// <summary>When it was sent.</summary>
    public required DateTimeOffset SentAt { get; init; }
}
