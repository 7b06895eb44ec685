using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Simulator;

/// <summary>The simulator's mutable state of one leg; only touched under <see cref="SimulatedNetwork"/>'s lock.</summary>
internal sealed class CallLeg(string id, string from, string to, LegOrigin origin, DateTimeOffset startTime)
{
    private readonly List<string> _spoken = [];
    private long _nextSequence;

    /// <summary>The leg's id.</summary>
    public string Id { get; } = id;

    /// <summary>Caller.</summary>
    public string From { get; } = from;

    /// <summary>Called party.</summary>
    public string To { get; } = to;

    /// <summary>How it was placed.</summary>
    public LegOrigin Origin { get; } = origin;

    /// <summary>When it was placed or arrived.</summary>
    public DateTimeOffset StartTime { get; } = startTime;

    /// <summary>The leg that dialled this one.</summary>
    public CallLeg? Parent { get; init; }

    /// <summary>Our command id (Bandwidth tag, Twilio label).</summary>
    public string? Tag { get; init; }

    /// <summary>Where it is in its life.</summary>
    public SimulatedCallStatus Status { get; set; } = SimulatedCallStatus.Initiated;

    /// <summary>What it is doing.</summary>
    public SimulatedCallActivity Activity { get; set; }

    /// <summary>When it was answered.</summary>
    public DateTimeOffset? AnswerTime { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Why it ended.</summary>
    public DisconnectCause? Cause { get; set; }

    /// <summary>How it failed, when <see cref="Cause"/> is <see cref="DisconnectCause.Failed"/>.</summary>
    public LegFailure? Failure { get; set; }

    /// <summary>What went wrong.</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>Where it asks for instructions (Twilio voice URL, Bandwidth initiate/answer URL); null to run <see cref="Verbs"/> on answer.</summary>
    public CallbackTarget? InstructionUrl { get; set; }

    /// <summary>Where its status or disconnect events go; null for none.</summary>
    public CallbackTarget? StatusUrl { get; set; }

    /// <summary>Twilio's subscribed progress events; null for a number's default (completed only, no progress fields).</summary>
    public IReadOnlySet<string>? StatusEvents { get; set; }

    /// <summary>Bandwidth <c>transferAnswerUrl</c> of a leg placed by <c>&lt;Transfer&gt;</c>.</summary>
    public CallbackTarget? TransferAnswerUrl { get; set; }

    /// <summary>Instructions still to run.</summary>
    public Queue<SimulatorVerb> Verbs { get; } = new();

    /// <summary>The conference it is in.</summary>
    public string? ConferenceId { get; set; }

    /// <summary>The leg its current dial placed.</summary>
    public CallLeg? Child { get; set; }

    /// <summary>The dial instruction that placed <see cref="Child"/>.</summary>
    public DialVerb? ActiveDial { get; set; }

    /// <summary>Counts instruction requests, so that a late answer to a superseded one is ignored.</summary>
    public int InstructionRequest { get; set; }

    /// <summary>The pending ring, answer or speech timer.</summary>
    public ITimer? Timer { get; set; }

    /// <summary>Changes whenever the timer is replaced or cancelled, so a callback already under way can tell it is stale.</summary>
    public int TimerGeneration { get; private set; }

    /// <summary>True until it ends.</summary>
    public bool IsLive => Status != SimulatedCallStatus.Ended;

    /// <summary>Seconds from answer to <paramref name="now"/>; zero when never answered.</summary>
    public long AnsweredSeconds(DateTimeOffset now) =>
        AnswerTime is { } answered ? (long)Math.Max(0, ((EndTime ?? now) - answered).TotalSeconds) : 0;

    /// <summary>Twilio's per-call <c>SequenceNumber</c>: 0, 1, 2… in the order callbacks are sent.</summary>
    public long NextSequence() => _nextSequence++;

    /// <summary>Records something said on the leg.</summary>
    public void Say(string text) => _spoken.Add(text);

    /// <summary>Stops the pending timer.</summary>
    public void CancelTimer()
    {
        Timer?.Dispose();
        Timer = null;
        TimerGeneration++;
    }

    /// <summary>Stops the pending timer and returns the generation of the one that replaces it.</summary>
    public int ReplaceTimer()
    {
        CancelTimer();
        return TimerGeneration;
    }

    /// <summary>A snapshot for callers outside the lock.</summary>
    public SimulatedCall Snapshot() => new()
    {
        CallId = Id,
        From = From,
        To = To,
        Direction = Origin == LegOrigin.Inbound ? CallDirection.Inbound : CallDirection.Outbound,
        ParentCallId = Parent?.Id,
        Status = Status,
        Activity = Activity,
        ConferenceId = ConferenceId,
        Cause = Cause,
        ErrorMessage = ErrorMessage,
        Tag = Tag,
        StartTime = StartTime,
        AnswerTime = AnswerTime,
        EndTime = EndTime,
        Spoken = [.. _spoken],
    };
}
