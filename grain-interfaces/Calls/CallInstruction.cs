namespace Telephony.GrainInterfaces.Calls;

/// <summary>What a call should do next, answered to a provider's voice webhook (rendered as TwiML or BXML).</summary>
public abstract record CallInstruction;

/// <summary>Put the call into a named conference; callers wait there hearing hold audio until an agent joins.</summary>
public sealed record JoinConferenceInstruction(string ConferenceName) : CallInstruction
{
    /// <summary>Whether the conference starts when this leg enters (false: wait with hold audio).</summary>
    public bool StartConferenceOnEnter { get; init; } = true;

    /// <summary>Whether the conference ends when this leg leaves.</summary>
    public bool EndConferenceOnExit { get; init; }

    /// <summary>Whether the leg joins muted.</summary>
    public bool Muted { get; init; }

    /// <summary>Audio played while waiting; null for the provider's default.</summary>
    public string? WaitUrl { get; init; }
}

/// <summary>Dial a number from this call.</summary>
public sealed record DialInstruction(string To) : CallInstruction
{
    /// <summary>Caller id presented.</summary>
    public string? CallerId { get; init; }
}

/// <summary>Speak text.</summary>
public sealed record SayInstruction(string Text) : CallInstruction;

/// <summary>End the call.</summary>
public sealed record HangupInstruction : CallInstruction;
