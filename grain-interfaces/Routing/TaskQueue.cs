using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>A queue of tasks that need workers with given skills.</summary>
[GenerateSerializer, Alias("telephony.TaskQueue"), Immutable]
public sealed record TaskQueue
{
    /// <summary>Default seconds a worker has to answer an offer (TaskRouter's default).</summary>
    public const int DefaultReservationTimeout = 120;

    /// <summary>Longest reservation timeout in seconds (TaskRouter's limit).</summary>
    public const int MaxReservationTimeout = 86_400;

    /// <summary>Most workers a task may be offered to at once (TaskRouter's limit).</summary>
    public const int MaxReservedWorkersLimit = 50;

    /// <summary>The queue's sid (<c>WQ…</c>).</summary>
    [Id(0)]
    public required string Sid { get; init; }

    /// <summary>The owning account.</summary>
    [Id(1)]
    public required string AccountSid { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    [Id(2)]
    public required string WorkspaceSid { get; init; }

    /// <summary>Human-readable name.</summary>
    [Id(3)]
    public required string FriendlyName { get; init; }

    /// <summary>Skills a worker must all have (in its <c>skills</c> attribute) to be offered this queue's tasks.</summary>
    [Id(4)]
    public required IReadOnlyList<string> RequiredSkills { get; init; }

    /// <summary>Seconds a worker has to accept or reject an offer before it times out.</summary>
    [Id(5)]
    public required int ReservationTimeout { get; init; }

    /// <summary>How many workers a task is offered to at once; the first to accept wins.</summary>
    [Id(6)]
    public required int MaxReservedWorkers { get; init; }

    /// <summary>When it was created.</summary>
    [Id(7)]
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(8)]
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>Increases by one on every change; an integer sent as a string.</summary>
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    [Id(9)]
    public required long Version { get; init; }
}

/// <summary>Creates a task queue.</summary>
/// <param name="FriendlyName">Human-readable name.</param>
/// <param name="RequiredSkills">Skills a worker must all have; null or empty for any worker.</param>
/// <param name="ReservationTimeout">Seconds to answer an offer; null for <see cref="TaskQueue.DefaultReservationTimeout"/>.</param>
/// <param name="MaxReservedWorkers">Workers offered a task at once; null for 1.</param>
[GenerateSerializer, Alias("telephony.CreateTaskQueueRequest"), Immutable]
public sealed record CreateTaskQueueRequest(
    [Id(0)] string FriendlyName,
    [Id(1)] IReadOnlyList<string>? RequiredSkills = null,
    [Id(2)] int? ReservationTimeout = null,
    [Id(3)] int? MaxReservedWorkers = null);

/// <summary>Changes a task queue; null fields stay as they are. Offers already made keep their timeout.</summary>
/// <param name="FriendlyName">New name.</param>
/// <param name="RequiredSkills">New required skills.</param>
/// <param name="ReservationTimeout">New reservation timeout in seconds.</param>
/// <param name="MaxReservedWorkers">New number of workers offered a task at once.</param>
/// <param name="ExpectedVersion">When set, the update applies only if this is the current version.</param>
[GenerateSerializer, Alias("telephony.UpdateTaskQueueRequest"), Immutable]
public sealed record UpdateTaskQueueRequest(
    [Id(0)] string? FriendlyName = null,
    [Id(1)] IReadOnlyList<string>? RequiredSkills = null,
    [Id(2)] int? ReservationTimeout = null,
    [Id(3)] int? MaxReservedWorkers = null,
    [Id(4)] long? ExpectedVersion = null);
