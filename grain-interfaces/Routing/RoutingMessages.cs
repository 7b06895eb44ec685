using Orleans;

namespace Telephony.GrainInterfaces.Routing;

// Messages the routing grains exchange among themselves; endpoints do not use them.

/// <summary>A pending task waiting in the workspace router for workers.</summary>
/// <param name="TaskSid">The task.</param>
/// <param name="QueueSid">Its queue.</param>
/// <param name="Priority">Higher goes first.</param>
/// <param name="DateCreated">Equal priorities go oldest first.</param>
/// <param name="ExcludedWorkerSids">Workers that already rejected it or let it time out; it is not offered to them again.</param>
[GenerateSerializer, Alias("telephony.WaitingTask"), Immutable]
public sealed record WaitingTask([Id(0)] string TaskSid, [Id(1)] string QueueSid, [Id(2)] int Priority, [Id(3)] DateTimeOffset DateCreated, [Id(4)] IReadOnlyList<string> ExcludedWorkerSids);

/// <summary>What the router needs to know about a worker.</summary>
/// <param name="WorkerSid">The worker.</param>
/// <param name="Available">Whether its activity takes offers.</param>
/// <param name="IdleSince">Since when it is idle; longest idle goes first.</param>
/// <param name="DateCreated">Tie-break after idle time.</param>
/// <param name="Skills">Its <c>skills</c> attribute.</param>
/// <param name="HasOpenReservation">True while it holds a pending, accepted or wrapping reservation.</param>
/// <param name="Version">Grows with every stored change of the worker; the router keeps the newest state it has seen.</param>
[GenerateSerializer, Alias("telephony.WorkerRoutingState"), Immutable]
public sealed record WorkerRoutingState(
    [Id(0)] string WorkerSid,
    [Id(1)] bool Available,
    [Id(2)] DateTimeOffset? IdleSince,
    [Id(3)] DateTimeOffset DateCreated,
    [Id(4)] IReadOnlyList<string> Skills,
    [Id(5)] bool HasOpenReservation,
    [Id(6)] long Version);

/// <summary>The router's offer of a task to some workers, one new reservation each.</summary>
/// <param name="Reservations">New reservation sids and the workers they go to, best first.</param>
/// <param name="Timeout">Seconds each worker has to answer.</param>
[GenerateSerializer, Alias("telephony.TaskOffer"), Immutable]
public sealed record TaskOffer([Id(0)] IReadOnlyList<TaskReservationRef> Reservations, [Id(1)] int Timeout);

/// <summary>What became of a <see cref="TaskOffer"/>.</summary>
/// <param name="TaskWasPending">False when the task had left pending (canceled, already reserved), so nothing was offered.</param>
/// <param name="Made">The reservations created; workers that had become busy or unavailable are left out.</param>
[GenerateSerializer, Alias("telephony.OfferResult"), Immutable]
public sealed record OfferResult([Id(0)] bool TaskWasPending, [Id(1)] IReadOnlyList<TaskReservationRef> Made);

/// <summary>Everything a new reservation needs.</summary>
/// <param name="AccountSid">The owning account.</param>
/// <param name="WorkspaceSid">The workspace.</param>
/// <param name="WorkerSid">The worker offered the task.</param>
/// <param name="Task">The task as reserved.</param>
/// <param name="Timeout">Seconds the worker has to answer.</param>
[GenerateSerializer, Alias("telephony.ReservationOffer"), Immutable]
public sealed record ReservationOffer([Id(0)] string AccountSid, [Id(1)] string WorkspaceSid, [Id(2)] string WorkerSid, [Id(3)] RoutingTask Task, [Id(4)] int Timeout);

/// <summary>The task's ruling on a reservation's change: the status the reservation must take and the task afterwards.</summary>
/// <param name="Status">The requested status, or what the task already decided (rescinded, canceled, accepted).</param>
/// <param name="Task">The task after the ruling.</param>
/// <param name="CanceledReasonCode">The task's cancel reason when <paramref name="Status"/> is canceled.</param>
[GenerateSerializer, Alias("telephony.ReservationResolution"), Immutable]
public sealed record ReservationResolution([Id(0)] ReservationStatus Status, [Id(1)] RoutingTask Task, [Id(2)] int? CanceledReasonCode);
