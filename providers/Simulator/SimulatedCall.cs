using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Simulator;

/// <summary>A snapshot of one simulated leg.</summary>
public sealed record SimulatedCall
{
    /// <summary>The leg's id in the simulated provider's format (<c>CA…</c> or <c>c-…</c>).</summary>
    public required string CallId { get; init; }

    /// <summary>Caller.</summary>
    public required string From { get; init; }

    /// <summary>Called party.</summary>
    public required string To { get; init; }

    /// <summary>Which way the leg was placed, seen from our service.</summary>
    public required CallDirection Direction { get; init; }

    /// <summary>The leg whose <c>&lt;Dial&gt;</c> or <c>&lt;Transfer&gt;</c> placed this one.</summary>
    public string? ParentCallId { get; init; }

    /// <summary>Where the leg is in its life.</summary>
    public required SimulatedCallStatus Status { get; init; }

    /// <summary>What the leg is doing.</summary>
    public required SimulatedCallActivity Activity { get; init; }

    /// <summary>The conference the leg is in.</summary>
    public string? ConferenceId { get; init; }

    /// <summary>Why the leg ended.</summary>
    public DisconnectCause? Cause { get; init; }

    /// <summary>What went wrong, when the leg failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Our command id the leg was placed for.</summary>
    public string? Tag { get; init; }

    /// <summary>When the leg was placed or arrived.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnswerTime { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Everything said on the leg, in order.</summary>
    public required IReadOnlyList<string> Spoken { get; init; }
}
