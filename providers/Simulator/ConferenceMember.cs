namespace Telephony.Providers.Simulator;

/// <summary>One leg's place in a conference.</summary>
internal sealed class ConferenceMember(string callId, ConferenceVerb joinedWith)
{
    /// <summary>The leg.</summary>
    public string CallId { get; } = callId;

    /// <summary>Twilio participant label or Bandwidth tag.</summary>
    public string? Label { get; } = joinedWith.Label;

    /// <summary>Whether it started the conference on entering (Twilio).</summary>
    public bool StartConferenceOnEnter { get; } = joinedWith.StartConferenceOnEnter;

    /// <summary>Whether the conference ends when it leaves (Twilio).</summary>
    public bool EndConferenceOnExit { get; } = joinedWith.EndConferenceOnExit;

    /// <summary>Heard by nobody.</summary>
    public bool Muted { get; set; } = joinedWith.Muted;

    /// <summary>Neither hears nor is heard.</summary>
    public bool Hold { get; set; } = joinedWith.Hold;
}
