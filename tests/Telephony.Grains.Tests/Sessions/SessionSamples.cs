using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>DTOs with every field set to something other than its default.</summary>
internal static class SessionSamples
{
    public static readonly DateTimeOffset Created = new(2025, 3, 4, 10, 15, 30, TimeSpan.Zero);

    public static CustomerBreadcrumb Breadcrumb() => new() { Id = "cus_root", Name = "Acme" };

    public static SessionLogInfo LogEntry() => new() { Date = Created.AddSeconds(5), Message = "Call answered" };

    public static SessionMemberInfo Member() => new()
    {
        Identity = "agent@example.com",
        EndpointId = "end_agent",
        DisplayName = "Alice Agent",
        IsOriginalMember = true,
        AvatarUrl = "https://example.com/alice.png",
        ApplicationData = new Dictionary<string, string> { ["crm"] = "42" },
        CallState = SessionMemberCallState.Connected,
        Role = SessionMemberRoles.Agent,
        CallSid = "CA_agent",
        Muted = true,
    };

    public static SessionInfo Session() => new()
    {
        Id = "ses_1",
        DateCreated = Created,
        DateLastModified = Created.AddMinutes(1),
        CreatedBy = "system",
        LastModifiedBy = "agent@example.com",
        DialState = SessionDialState.Active,
        CallState = SessionCallState.Hold,
        QueueState = SessionQueueStates.Connected,
        AccountId = "acc_1",
        AccountName = "Acme Support",
        CustomerId = "cus_1",
        CustomerBreadcrumb = [Breadcrumb(), new CustomerBreadcrumb { Id = "cus_1", Name = "Acme West" }],
        CustomerName = "Acme West",
        EndpointId = "end_1",
        EndpointName = "Main line",
        DateCompleted = Created.AddMinutes(9),
        Destination = "+15551234567",
        ToAddress = "+15551234567",
        FromAddress = "+15557654321",
        FromName = "Bob Caller",
        AnsweredByName = "Alice Agent",
        QueueMemberId = "qm_1",
        Channel = FlowChannels.Chat,
        Ended = true,
        Outcome = "Completed",
        CallSid = "CA_main",
        ConsoleData = "{\"note\":\"vip\"}",
        HoldQueueName = "hold_ses_1",
        HeldByUserId = "agent@example.com",
        HoldReason = SessionHoldReasons.Transferring,
        ConferenceSid = "CF_1",
        DisplayName = "Bob Caller",
        Log = [LogEntry()],
        Members = [Member()],
        CallbackNumber = "+15557654321",
        AnsweredById = "end_agent",
        Direction = SessionDirections.Outgoing,
        FromPhoneNumber = "+15557654321",
        MostRecentParticipantCallSid = "CA_agent",
        WasMissed = true,
        RingQueueId = "rq_1",
    };

    public static HoldSession Hold() => new() { CallSid = "CA_agent", SessionId = "ses_1", Reason = SessionHoldReasons.Transferring };

    public static AddConferenceMember ConferenceMember() => new()
    {
        SessionId = "ses_1",
        CallSid = "CA_agent",
        Destination = "+15551230000",
        FromNumber = "+15557654321",
    };

    public static InviteChatMember ChatMember() => new() { SessionId = "ses_1", MemberToAdd = "+15551230000", CallerId = "+15557654321" };
}
