using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>What a call should do next, answered to a provider's voice webhook (rendered as TwiML or BXML).</summary>
[GenerateSerializer, Alias("telephony.CallInstruction"), Immutable]
public abstract record CallInstruction;

/// <summary>Put the call into a named conference; callers wait there hearing hold audio until an agent joins.</summary>
[GenerateSerializer, Alias("telephony.JoinConferenceInstruction"), Immutable]
public sealed record JoinConferenceInstruction([Id(0)] string ConferenceName) : CallInstruction
{
    /// <summary>Whether the conference starts when this leg enters (false: wait with hold audio).</summary>
    [Id(1)]
    public bool StartConferenceOnEnter { get; init; } = true;

    /// <summary>Whether the conference ends when this leg leaves.</summary>
    [Id(2)]
    public bool EndConferenceOnExit { get; init; }

    /// <summary>Whether the leg joins muted.</summary>
    [Id(3)]
    public bool Muted { get; init; }

    /// <summary>Audio played while waiting; null for the provider's default.</summary>
    [Id(4)]
    public string? WaitUrl { get; init; }
}

/// <summary>Dial a number from this call.</summary>
[GenerateSerializer, Alias("telephony.DialInstruction"), Immutable]
public sealed record DialInstruction([Id(0)] string To) : CallInstruction
{
    /// <summary>Caller id presented.</summary>
    [Id(1)]
    public string? CallerId { get; init; }
}

/// <summary>Speak text.</summary>
[GenerateSerializer, Alias("telephony.SayInstruction"), Immutable]
public sealed record SayInstruction([Id(0)] string Text) : CallInstruction;

/// <summary>End the call.</summary>
[GenerateSerializer, Alias("telephony.HangupInstruction"), Immutable]
public sealed record HangupInstruction : CallInstruction;
