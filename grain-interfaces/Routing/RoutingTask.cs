using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A unit of work (typically a queued call) to be routed to one worker.</summary>
[GenerateSerializer, Alias("telephony.RoutingTask"), Immutable]
public sealed record RoutingTask
{
    /// <summary>The task's sid (<c>WT…</c>).</summary>
    [Id(0)]
    public required string Sid { get; init; }

    /// <summary>The owning account.</summary>
    [Id(1)]
    public required string AccountSid { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    [Id(2)]
    public required string WorkspaceSid { get; init; }

    /// <summary>The queue it waits in.</summary>
    [Id(3)]
    public required string QueueSid { get; init; }

    /// <summary>JSON object text describing the work.</summary>
    [Id(4)]
    public required string Attributes { get; init; }

    /// <summary>Higher is offered first; equal priorities go oldest first.</summary>
    [Id(5)]
    public required int Priority { get; init; }

    /// <summary>Where the task is in its life.</summary>
    [Id(6)]
    public required RoutingTaskStatus Status { get; init; }

    /// <summary>The session (call or chat) this task routes; null when it stands alone.</summary>
    [Id(7)]
    public string? SessionId { get; init; }

    /// <summary>The worker whose reservation was accepted; null before that.</summary>
    [Id(8)]
    public string? AssignedWorkerSid { get; init; }

    /// <summary>Why it was canceled, as given to the cancel; null unless canceled.</summary>
    [Id(9)]
    public int? CanceledReasonCode { get; init; }

    /// <summary>When it was created.</summary>
    [Id(10)]
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(11)]
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>Increases by one on every change; an integer sent as a string.</summary>
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    [Id(12)]
    public required long Version { get; init; }
}

/// <summary>Creates a task in a queue; it is routed at once if a worker is free.</summary>
/// <param name="QueueSid">The queue.</param>
/// <param name="Attributes">JSON object text; null for <c>{}</c>.</param>
/// <param name="Priority">Higher is offered first.</param>
/// <param name="SessionId">The session this task routes.</param>
[GenerateSerializer, Alias("telephony.CreateTaskRequest"), Immutable]
public sealed record CreateTaskRequest([Id(0)] string QueueSid, [Id(1)] string? Attributes = null, [Id(2)] int Priority = 0, [Id(3)] string? SessionId = null);

/// <summary>Changes a task's attributes or priority; null fields stay as they are.</summary>
/// <param name="Attributes">New attributes (JSON object text).</param>
/// <param name="Priority">New priority; it reorders the queue while the task waits.</param>
/// <param name="ExpectedVersion">When set, the update applies only if this is the current version.</param>
[GenerateSerializer, Alias("telephony.UpdateTaskRequest"), Immutable]
public sealed record UpdateTaskRequest([Id(0)] string? Attributes = null, [Id(1)] int? Priority = null, [Id(2)] long? ExpectedVersion = null);

/// <summary>One reservation made for a task and the worker it was offered to.</summary>
/// <param name="ReservationSid">The reservation.</param>
/// <param name="WorkerSid">The worker.</param>
[GenerateSerializer, Alias("telephony.TaskReservationRef"), Immutable]
public sealed record TaskReservationRef([Id(0)] string ReservationSid, [Id(1)] string WorkerSid);
