using System.Text.Json.Serialization;
using Orleans;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>Stored state of a workspace grain: written when a worker or queue is added (its tasks are in the routing catalog).</summary>
[GenerateSerializer, Alias("telephony.state.WorkspaceState")]
internal sealed class WorkspaceState
{
    /// <summary>The workspace; null until created.</summary>
    [Id(0)]
    public Workspace? Workspace { get; set; }

    /// <summary>Its workers, oldest first.</summary>
    [Id(1)]
    public List<string> WorkerSids { get; set; } = [];

    /// <summary>Its task queues, oldest first.</summary>
    [Id(2)]
    public List<string> TaskQueueSids { get; set; } = [];
}

/// <summary>Stored state of a worker grain, apart from its event log.</summary>
[GenerateSerializer, Alias("telephony.state.WorkerState")]
internal sealed class WorkerState
{
    /// <summary>The worker; null until created.</summary>
    [Id(0)]
    public Worker? Worker { get; set; }

    /// <summary>The <c>skills</c> attribute, parsed.</summary>
    [Id(1)]
    public List<string> Skills { get; set; } = [];

    /// <summary>Reservations occupying the worker (pending, accepted, wrapping).</summary>
    [Id(2)]
    public List<string> OpenReservationSids { get; set; } = [];

    /// <summary>Counts stored changes (offers and their ends included, unlike the worker's public version); see <see cref="WorkerRoutingState.Version"/>.</summary>
    [Id(3)]
    public long RoutingVersion { get; set; }
}

/// <summary>Stored event log of a worker grain: the newest events, the sealed pages still retained, and the last id handed out.</summary>
[GenerateSerializer, Alias("telephony.state.WorkerEventLogState")]
internal sealed class WorkerEventLogState
{
    /// <summary>Id of the newest event; ids never repeat, even after old events are dropped.</summary>
    [Id(0)]
    public long LastEventId { get; set; }

    /// <summary>The newest events, not yet sealed into a page, oldest first. Ids run on without gaps from the last page.</summary>
    [Id(1)]
    public List<WorkerEvent> Events { get; set; } = [];

    /// <summary>Sealed pages still retained, oldest first.</summary>
    [Id(2)]
    public List<WorkerEventPageRef> Pages { get; set; } = [];

    /// <summary>Number of the next page to seal; page numbers are never reused.</summary>
    [Id(3)]
    public int NextPage { get; set; }
}

/// <summary>A sealed page of a worker's event log.</summary>
/// <param name="Page">Its number, part of its grain key.</param>
/// <param name="FirstId">Id of its oldest event.</param>
/// <param name="LastId">Id of its newest event.</param>
[GenerateSerializer, Alias("telephony.state.WorkerEventPageRef")]
internal sealed record WorkerEventPageRef([Id(0)] int Page, [Id(1)] long FirstId, [Id(2)] long LastId);

/// <summary>Stored state of a page of a worker's event log.</summary>
[GenerateSerializer, Alias("telephony.state.WorkerEventPageState")]
internal sealed class WorkerEventPageState
{
    /// <summary>The page's events, oldest first.</summary>
    [Id(0)]
    public List<WorkerEvent> Events { get; set; } = [];
}

/// <summary>Stored state of a task queue grain.</summary>
[GenerateSerializer, Alias("telephony.state.TaskQueueState")]
internal sealed class TaskQueueState
{
    /// <summary>The queue; null until created.</summary>
    [Id(0)]
    public TaskQueue? Queue { get; set; }
}

/// <summary>Stored state of a task grain.</summary>
[GenerateSerializer, Alias("telephony.state.TaskState")]
internal sealed class TaskState
{
    /// <summary>The task; null until created.</summary>
    [Id(0)]
    public RoutingTask? Task { get; set; }

    /// <summary>Every reservation made for it with the status the task ruled, oldest first.</summary>
    [Id(1)]
    public List<TaskReservationState> Reservations { get; set; } = [];
}

/// <summary>A task's record of one of its reservations.</summary>
/// <param name="ReservationSid">The reservation.</param>
/// <param name="WorkerSid">Its worker.</param>
/// <param name="Status">Its status as far as the task has ruled.</param>
[GenerateSerializer, Alias("telephony.state.TaskReservationState")]
internal sealed record TaskReservationState([Id(0)] string ReservationSid, [Id(1)] string WorkerSid, [Id(2)] ReservationStatus Status);

/// <summary>Stored state of a reservation grain.</summary>
[GenerateSerializer, Alias("telephony.state.ReservationState")]
internal sealed class ReservationState
{
    /// <summary>The reservation; null until created.</summary>
    [Id(0)]
    public Reservation? Reservation { get; set; }

    /// <summary>The worker's leg in the task's session, once a conference or dequeue instruction dialled it.</summary>
    [Id(1)]
    public string? WorkerCallSid { get; set; }
}

/// <summary>Source-generated JSON for the routing grains' stored state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WorkspaceState))]
[JsonSerializable(typeof(WorkerState))]
[JsonSerializable(typeof(WorkerEventLogState))]
[JsonSerializable(typeof(WorkerEventPageState))]
[JsonSerializable(typeof(TaskQueueState))]
[JsonSerializable(typeof(TaskState))]
[JsonSerializable(typeof(ReservationState))]
internal sealed partial class RoutingStateJsonContext : JsonSerializerContext;
