namespace Telephony.Providers.Simulator;

/// <summary>The simulator's mutable state of one conference; only touched under <see cref="SimulatedNetwork"/>'s lock.</summary>
internal sealed class ConferenceRoom(string id, string name, DateTimeOffset createdAt)
{
    private long _nextSequence;

    /// <summary>The conference's id.</summary>
    public string Id { get; } = id;

    /// <summary>Its name.</summary>
    public string Name { get; } = name;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The legs in it, in joining order.</summary>
    public List<ConferenceMember> Members { get; } = [];

    /// <summary>The first joiner's conference verb: it fixes where events go and which are sent.</summary>
    public ConferenceVerb? Settings { get; set; }

    /// <summary>True once the provider considers it started.</summary>
    public bool Started { get; set; }

    /// <summary>When it ended; null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>True once it is over.</summary>
    public bool Ended => EndedAt is not null;

    /// <summary>Twilio's per-conference <c>SequenceNumber</c>.</summary>
    public long NextSequence() => _nextSequence++;

    /// <summary>The member for leg <paramref name="callId"/>, if it is in.</summary>
    public ConferenceMember? Find(string callId) => Members.Find(m => m.CallId == callId);

    /// <summary>A snapshot for callers outside the lock.</summary>
    public SimulatedConference Snapshot() => new()
    {
        ConferenceId = Id,
        Name = Name,
        Started = Started,
        Ended = Ended,
        CreatedAt = CreatedAt,
        EndedAt = EndedAt,
        Participants = [.. Members.Select(m => new SimulatedParticipant(m.CallId, m.Muted, m.Hold, m.Label))],
    };
}
