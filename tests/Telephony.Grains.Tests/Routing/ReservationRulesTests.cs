using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Telephony.GrainInterfaces.Routing;
using Telephony.Grains.Routing;
using Telephony.Providers;
using Telephony.Providers.Accounts;

namespace Telephony.Grains.Tests.Routing;

/// <summary>The reservation's rules on their own, without a silo: versions and rulings, deadlines, and where instructions may send a call.</summary>
public sealed class ReservationRulesTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_ruling_makes_the_next_version_once_and_a_repeated_or_illegal_ruling_makes_none()
    {
        var pending = Reservation(ReservationStatus.Pending);
        var later = Created.AddSeconds(5);

        var canceled = ReservationTransitions.Next(pending, new ReservationResolution(ReservationStatus.Canceled, pending.Task, 31), later)!;

        Assert.Equal((ReservationStatus.Canceled, 31, 1L, later), (canceled.Status, canceled.CanceledReasonCode, canceled.Version, canceled.DateUpdated));
        Assert.Null(ReservationTransitions.Next(canceled, new ReservationResolution(ReservationStatus.Canceled, pending.Task, 31), later));
        Assert.Null(ReservationTransitions.Next(canceled, new ReservationResolution(ReservationStatus.Accepted, pending.Task, null), later));
    }

    [Fact]
    public void An_instruction_on_a_missing_reservation_is_not_found_and_a_stale_version_is_refused_before_the_transition_is_judged()
    {
        var accepted = Reservation(ReservationStatus.Accepted) with { Version = 3 };

        Assert.Equal(RoutingOutcome.NotFound, ReservationTransitions.Check(null, "WR1", new ReservationInstruction())!.Outcome);
        Assert.Equal(RoutingOutcome.StaleVersion, ReservationTransitions.Check(accepted, "WR1", new ReservationInstruction(ExpectedVersion: 2))!.Outcome);
        Assert.Null(ReservationTransitions.Check(accepted, "WR1", new ReservationInstruction(ExpectedVersion: 3)));
        Assert.Equal(RoutingOutcome.IllegalTransition, ReservationTransitions.CheckTarget(accepted, ReservationStatus.Rejected)!.Outcome);
        Assert.Equal(Created.AddSeconds(120), ReservationTransitions.Deadline(accepted));
    }

    [Fact]
    public void Bandwidth_instructions_may_only_name_our_own_urls_and_a_workers_contact_comes_from_its_attributes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Accounts:0:Id"] = "twilio-account",
            ["Telephony:Accounts:0:Provider"] = "Twilio",
            ["Telephony:Accounts:0:Twilio:AccountSid"] = "AC00000000000000000000000000000001",
            ["Telephony:Accounts:0:Twilio:AuthToken"] = "token",
            ["Telephony:Accounts:1:Id"] = "bandwidth-account",
            ["Telephony:Accounts:1:Provider"] = "Bandwidth",
            ["Telephony:Accounts:1:Bandwidth:AccountId"] = "9900001",
            ["Telephony:Accounts:1:Bandwidth:ApplicationId"] = "app",
            ["Telephony:Accounts:1:Bandwidth:Username"] = "user",
            ["Telephony:Accounts:1:Bandwidth:Password"] = "password",
            ["Telephony:Accounts:1:Bandwidth:CallbackUsername"] = "callback",
            ["Telephony:Accounts:1:Bandwidth:CallbackPassword"] = "secret",
        }).Build();
        var targets = new InstructionTargets(AccountRegistry.FromConfiguration(configuration), Options.Create(new ProviderOptions { PublicBaseUrl = new Uri("https://telephony.example.com") }));

        Assert.Equal(new Uri("https://elsewhere.example/twiml"), targets.Url("twilio-account", "https://elsewhere.example/twiml"));
        Assert.Null(targets.Url("bandwidth-account", "https://elsewhere.example/bxml"));
        Assert.Equal(new Uri("https://telephony.example.com/bxml/hold"), targets.Url("bandwidth-account", "https://telephony.example.com/bxml/hold"));
        Assert.Null(targets.Url("twilio-account", "ftp://telephony.example.com/twiml"));
        Assert.Contains("https://telephony.example.com/", targets.UrlRule("bandwidth-account"), StringComparison.Ordinal);
        Assert.Equal("client:alice", InstructionTargets.ContactUri("""{"contact_uri":"client:alice"}"""));
        Assert.Null(InstructionTargets.ContactUri("""{"contact_uri":""}"""));
        Assert.Null(InstructionTargets.ContactUri("not json"));
    }

    private static Reservation Reservation(ReservationStatus status) => new()
    {
        AccountSid = "AC1",
        WorkspaceSid = "WS1",
        WorkerSid = "WK1",
        Sid = "WR1",
        Status = status,
        Task = new RoutingTask
        {
            Sid = "WT1",
            AccountSid = "AC1",
            WorkspaceSid = "WS1",
            QueueSid = "WQ1",
            Attributes = "{}",
            Priority = 0,
            Status = RoutingTaskStatus.Reserved,
            DateCreated = Created,
            DateUpdated = Created,
            Version = 1,
        },
        Timeout = 120,
        DateCreated = Created,
        DateUpdated = Created,
        Version = 0,
    };
}
