namespace Telephony.Providers.Simulator;

/// <summary>A snapshot of one simulated conference.</summary>
public sealed record SimulatedConference
{
    /// <summary>The conference's id in the simulated provider's format (<c>CF…</c> or <c>conf-…</c>).</summary>
    public required string ConferenceId { get; init; }

    /// <summary>The conference's name.</summary>
    public required string Name { get; init; }

    /// <summary>True once the provider considers it started (Twilio: two participants; Bandwidth: the first member).</summary>
    public required bool Started { get; init; }

    /// <summary>True once it is over.</summary>
    public required bool Ended { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The legs in it now, in joining order.</summary>
    public required IReadOnlyList<SimulatedParticipant> Participants { get; init; }
}

/// <summary>One leg in a simulated conference.</summary>
/// <param name="CallId">The leg.</param>
/// <param name="Muted">Heard by nobody.</param>
/// <param name="Hold">Neither hears nor is heard.</param>
/// <param name="Label">Its participant label (Twilio) or tag (Bandwidth), when set.</param>
public sealed record SimulatedParticipant(string CallId, bool Muted, bool Hold, string? Label);
