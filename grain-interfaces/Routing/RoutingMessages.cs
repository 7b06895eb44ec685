namespace Telephony.GrainInterfaces.Routing;

// Messages the routing grains exchange among themselves; endpoints do not use them.

/// <summary>A pending task waiting in the workspace router for workers.</summary>
/// <param name="TaskSid">The task.</param>
/// <param name="QueueSid">Its queue.</param>
/// <param name="Priority">Higher goes first.</param>
/// <param name="DateCreated">Equal priorities go oldest first.</param>
/// <param name="ExcludedWorkerSids">Workers that already rejected it or let it time out; it is not offered to them again.</param>
public sealed record WaitingTask(string TaskSid, string QueueSid, int Priority, DateTimeOffset DateCreated, IReadOnlyList<string> ExcludedWorkerSids);

/// <summary>What the router needs to know about a worker.</summary>
/// <param name="WorkerSid">The worker.</param>
/// <param name="Available">Whether its activity takes offers.</param>
/// <param name="IdleSince">Since when it is idle; longest idle goes first.</param>
/// <param name="DateCreated">Tie-break after idle time.</param>
/// <param name="Skills">Its <c>skills</c> attribute.</param>
/// <param name="HasOpenReservation">True while it holds a pending, accepted or wrapping reservation.</param>
/// <param name="Version">Grows with every stored change of the worker; the router keeps the newest state it has seen.</param>
public sealed record WorkerRoutingState(
    string WorkerSid,
    bool Available,
    DateTimeOffset? IdleSince,
    DateTimeOffset DateCreated,
    IReadOnlyList<string> Skills,
    bool HasOpenReservation,
    long Version);

/// <summary>The router's offer of a task to some workers, one new reservation each.</summary>
/// <param name="Reservations">New reservation sids and the workers they go to, best first.</param>
/// <param name="Timeout">Seconds each worker has to answer.</param>
public sealed record TaskOffer(IReadOnlyList<TaskReservationRef> Reservations, int Timeout);

/// <summary>What became of a <see cref="TaskOffer"/>.</summary>
/// <param name="TaskWasPending">False when the task had left pending (canceled, already reserved), so nothing was offered.</param>
/// <param name="Made">The reservations created; workers that had become busy or unavailable are left out.</param>
public sealed record OfferResult(bool TaskWasPending, IReadOnlyList<TaskReservationRef> Made);

/// <summary>Everything a new reservation needs.</summary>
/// <param name="AccountSid">The owning account.</param>
/// <param name="WorkspaceSid">The workspace.</param>
/// <param name="WorkerSid">The worker offered the task.</param>
/// <param name="Task">The task as reserved.</param>
/// <param name="Timeout">Seconds the worker has to answer.</param>
public sealed record ReservationOffer(string AccountSid, string WorkspaceSid, string WorkerSid, RoutingTask Task, int Timeout);

/// <summary>The task's ruling on a reservation's change: the status the reservation must take and the task afterwards.</summary>
/// <param name="Status">The requested status, or what the task already decided (rescinded, canceled, accepted).</param>
/// <param name="Task">The task after the ruling.</param>
/// <param name="CanceledReasonCode">The task's cancel reason when <paramref name="Status"/> is canceled.</param>
public sealed record ReservationResolution(ReservationStatus Status, RoutingTask Task, int? CanceledReasonCode);
