using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>An offer of one task to one worker, with the fields of the TaskRouter SDK's <c>Reservation</c>.</summary>
[GenerateSerializer, Alias("telephony.Reservation"), Immutable]
public sealed record Reservation
{
    /// <summary>The owning account.</summary>
    [Id(0)]
    public required string AccountSid { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    [Id(1)]
    public required string WorkspaceSid { get; init; }

    /// <summary>The worker it is offered to.</summary>
    [Id(2)]
    public required string WorkerSid { get; init; }

    /// <summary>The reservation's sid (<c>WR…</c>).</summary>
    [Id(3)]
    public required string Sid { get; init; }

    /// <summary>Where the reservation is in its life.</summary>
    [Id(4)]
    public required ReservationStatus Status { get; init; }

    /// <summary>The task as it was at the reservation's last change.</summary>
    [Id(5)]
    public required RoutingTask Task { get; init; }

    /// <summary>Seconds the worker had to answer the offer.</summary>
    [Id(6)]
    public required int Timeout { get; init; }

    /// <summary>The reason code the task was canceled with; only on canceled reservations.</summary>
    [Id(7)]
    public int? CanceledReasonCode { get; init; }

    /// <summary>When it was created.</summary>
    [Id(8)]
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(9)]
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>Starts at 0 and increases by one on every change; an integer sent as a string, as TaskRouter does.</summary>
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    [Id(10)]
    public required long Version { get; init; }
}

/// <summary>
/// A worker's instruction on a reservation, with the parameters TaskRouter's instructions take (each instruction
/// reads only its own: conference and dequeue <see cref="From"/> and <see cref="To"/>, call <see cref="From"/>,
/// <see cref="To"/> and <see cref="Url"/>, redirect <see cref="CallSid"/> and <see cref="Url"/>, participant
/// <see cref="Hold"/> and <see cref="Muted"/>).
/// </summary>
/// <param name="ExpectedVersion">When set (from <c>If-Match</c>), the instruction applies only if this is the current version.</param>
[GenerateSerializer, Alias("telephony.ReservationInstruction"), Immutable]
public sealed record ReservationInstruction([Id(0)] long? ExpectedVersion = null)
{
    /// <summary>Caller id shown to the worker.</summary>
    [Id(1)]
    public string? From { get; init; }

    /// <summary>Where to reach the worker; its <c>contact_uri</c> attribute when absent.</summary>
    [Id(2)]
    public string? To { get; init; }

    /// <summary>Absolute URL of the instructions (TwiML or BXML) a call runs.</summary>
    [Id(3)]
    public string? Url { get; init; }

    /// <summary>The call to redirect.</summary>
    [Id(4)]
    public string? CallSid { get; init; }

    /// <summary>New hold state of the worker's leg.</summary>
    [Id(5)]
    public bool? Hold { get; init; }

    /// <summary>New mute state of the worker's leg.</summary>
    [Id(6)]
    public bool? Muted { get; init; }
}
