using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A unit of work (typically a queued call) to be routed to one worker.</summary>
public sealed record RoutingTask
{
    /// <summary>The task's sid (<c>WT…</c>).</summary>
    public required string Sid { get; init; }

    /// <summary>The owning account.</summary>
    public required string AccountSid { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    public required string WorkspaceSid { get; init; }

    /// <summary>The queue it waits in.</summary>
    public required string QueueSid { get; init; }

    /// <summary>JSON object text describing the work.</summary>
    public required string Attributes { get; init; }

    /// <summary>Higher is offered first; equal priorities go oldest first.</summary>
    public required int Priority { get; init; }

    /// <summary>Where the task is in its life.</summary>
    public required RoutingTaskStatus Status { get; init; }

    /// <summary>The session (call or chat) this task routes; null when it stands alone.</summary>
    public string? SessionId { get; init; }

    /// <summary>The worker whose reservation was accepted; null before that.</summary>
    public string? AssignedWorkerSid { get; init; }

    /// <summary>Why it was canceled, as given to the cancel; null unless canceled.</summary>
    public int? CanceledReasonCode { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>Increases by one on every change; an integer sent as a string.</summary>
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    public required long Version { get; init; }
}

/// <summary>Creates a task in a queue; it is routed at once if a worker is free.</summary>
/// <param name="QueueSid">The queue.</param>
/// <param name="Attributes">JSON object text; null for <c>{}</c>.</param>
/// <param name="Priority">Higher is offered first.</param>
/// <param name="SessionId">The session this task routes.</param>
public sealed record CreateTaskRequest(string QueueSid, string? Attributes = null, int Priority = 0, string? SessionId = null);

/// <summary>Changes a task's attributes or priority; null fields stay as they are.</summary>
/// <param name="Attributes">New attributes (JSON object text).</param>
/// <param name="Priority">New priority; it reorders the queue while the task waits.</param>
/// <param name="ExpectedVersion">When set, the update applies only if this is the current version.</param>
public sealed record UpdateTaskRequest(string? Attributes = null, int? Priority = null, long? ExpectedVersion = null);

/// <summary>One reservation made for a task and the worker it was offered to.</summary>
/// <param name="ReservationSid">The reservation.</param>
/// <param name="WorkerSid">The worker.</param>
public sealed record TaskReservationRef(string ReservationSid, string WorkerSid);
