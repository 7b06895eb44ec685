namespace Telephony.Api.Tests.Hardening;

/// <summary>One object of every kind a route's id names, all in one account.</summary>
public sealed record ObjectIds(
    string SessionId,
    string CallSid,
    string SimulatedCallId,
    string WorkspaceSid,
    string WorkerSid,
    string QueueSid,
    string TaskSid,
    string ReservationSid)
{
    /// <summary>The chat member id routes name; any user id, since a session of another account must not be found at all.</summary>
    public const string MemberId = "pat@acme.example";

    /// <summary>The value for each route parameter name of the OpenAPI document.</summary>
    public IReadOnlyDictionary<string, string> ByParameter => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sessionId"] = SessionId,
        ["callSid"] = CallSid,
        ["memberId"] = MemberId,
        ["callId"] = SimulatedCallId,
        ["workspaceSid"] = WorkspaceSid,
        ["workerSid"] = WorkerSid,
        ["queueSid"] = QueueSid,
        ["taskSid"] = TaskSid,
        ["reservationSid"] = ReservationSid,
    };

    /// <summary>Ids of the same shapes that name nothing.</summary>
    public static ObjectIds Missing() => new(
        Guid.NewGuid().ToString("N"),
        "CA" + Guid.NewGuid().ToString("N"),
        "CA" + Guid.NewGuid().ToString("N"),
        GrainInterfaces.Routing.RoutingSids.New(GrainInterfaces.Routing.RoutingSids.WorkspacePrefix),
        GrainInterfaces.Routing.RoutingSids.New(GrainInterfaces.Routing.RoutingSids.WorkerPrefix),
        GrainInterfaces.Routing.RoutingSids.New(GrainInterfaces.Routing.RoutingSids.TaskQueuePrefix),
        GrainInterfaces.Routing.RoutingSids.New(GrainInterfaces.Routing.RoutingSids.TaskPrefix),
        GrainInterfaces.Routing.RoutingSids.New(GrainInterfaces.Routing.RoutingSids.ReservationPrefix));
}
