namespace Telephony.Providers.Simulator;

/// <summary>One instruction read from TwiML or BXML, with the callback details the markup gave.</summary>
internal abstract record SimulatorVerb;

/// <summary><c>&lt;Say&gt;</c> or <c>&lt;SpeakSentence&gt;</c>.</summary>
internal sealed record SayVerb(string Text) : SimulatorVerb;

/// <summary><c>&lt;Hangup/&gt;</c>.</summary>
internal sealed record HangupVerb : SimulatorVerb;

/// <summary><c>&lt;Dial&gt;&lt;Conference&gt;</c> or <c>&lt;Conference&gt;</c>.</summary>
internal sealed record ConferenceVerb(string Name) : SimulatorVerb
{
    /// <summary>Twilio: whether this leg starts the conference.</summary>
    public bool StartConferenceOnEnter { get; init; } = true;

    /// <summary>Twilio: whether the conference ends when this leg leaves.</summary>
    public bool EndConferenceOnExit { get; init; }

    /// <summary>Whether the leg joins muted.</summary>
    public bool Muted { get; init; }

    /// <summary>Whether the leg joins on hold (Bandwidth).</summary>
    public bool Hold { get; init; }

    /// <summary>Twilio participant label or Bandwidth tag.</summary>
    public string? Label { get; init; }

    /// <summary>Where conference events go; none are sent without it.</summary>
    public CallbackTarget? Events { get; init; }

    /// <summary>Twilio's subscribed event groups (<c>start end join leave mute hold</c>); null for every event (Bandwidth).</summary>
    public IReadOnlySet<string>? Subscribed { get; init; }
}

/// <summary><c>&lt;Dial&gt;&lt;Number&gt;</c> or <c>&lt;Transfer&gt;&lt;PhoneNumber&gt;</c>.</summary>
internal sealed record DialVerb(string To) : SimulatorVerb
{
    /// <summary>Caller id presented to the number.</summary>
    public string? CallerId { get; init; }

    /// <summary>How long the number rings before giving up.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Bandwidth <c>transferAnswerUrl</c>.</summary>
    public CallbackTarget? AnswerEvents { get; init; }

    /// <summary>Bandwidth <c>transferDisconnectUrl</c>.</summary>
    public CallbackTarget? DisconnectEvents { get; init; }

    /// <summary>Bandwidth <c>transferCompleteUrl</c>: asked for the calling leg's next BXML when the transfer ends.</summary>
    public CallbackTarget? CompleteEvents { get; init; }
}

/// <summary>Where the provider was told to send a callback, with the Basic credentials to send (Bandwidth).</summary>
/// <param name="Url">The absolute URL: our public one, or an instruction URL a command named.</param>
/// <param name="Username">User name, when credentials were given.</param>
/// <param name="Password">Password, when credentials were given.</param>
internal sealed record CallbackTarget(Uri Url, string? Username = null, string? Password = null)
{
    /// <summary>True for an instruction URL a command named, which may point anywhere (see <see cref="OutgoingCallback.IsCommandUrl"/>).</summary>
    public bool IsCommandUrl { get; init; }
}
