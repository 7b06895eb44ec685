using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Accounts;

/// <summary>One account's provider configuration (<c>Telephony:Accounts:N</c>).</summary>
public sealed record AccountSettings
{
    /// <summary>Our account id.</summary>
    public required string Id { get; init; }

    /// <summary>The provider the account's calls run on.</summary>
    public required ProviderKind Provider { get; init; }

    /// <summary>Twilio credentials, when <see cref="Provider"/> is Twilio.</summary>
    public TwilioSettings? Twilio { get; init; }

    /// <summary>
    /// Bandwidth credentials, when <see cref="Provider"/> is Bandwidth. A Simulator account carries the
    /// fake Twilio or Bandwidth credentials its simulator signs with, so its callbacks are checked like real ones.
    /// </summary>
    public BandwidthSettings? Bandwidth { get; init; }

    /// <summary>Simulator settings, when <see cref="Provider"/> is Simulator.</summary>
    public SimulatorSettings? Simulator { get; init; }

    /// <summary>The number presented on calls and texts when a request names none (<c>:CallerId</c>, E.164).</summary>
    public string? DefaultCallerId { get; init; }

    /// <summary>The provider named in this account's callbacks, and so in its call grains' keys: the Simulator speaks Twilio's or Bandwidth's format.</summary>
    public ProviderKind CallbackProvider => Simulator is { } simulator
        ? simulator.Format == SimulatorFormat.Bandwidth ? ProviderKind.Bandwidth : ProviderKind.Twilio
        : Provider;

    /// <summary>The workspace incoming calls are routed in (<c>:DefaultWorkspace</c>, a workspace sid); with <see cref="DefaultTaskQueue"/>.</summary>
    public string? DefaultWorkspace { get; init; }

    /// <summary>The task queue an incoming call becomes a task in (<c>:DefaultTaskQueue</c>, a task queue sid).</summary>
    public string? DefaultTaskQueue { get; init; }

    /// <summary>Whether incoming calls are queued for agents: both defaults are set.</summary>
    public bool RoutesIncomingCalls => DefaultWorkspace is not null && DefaultTaskQueue is not null;
}
