using System.Text.Json.Serialization;
using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>An agent who can be offered tasks.</summary>
[GenerateSerializer, Alias("telephony.Worker"), Immutable]
public sealed record Worker
{
    /// <summary>The worker's sid (<c>WK…</c>).</summary>
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

    /// <summary>JSON object text; <c>skills</c> (array of strings) drives routing, <c>contact_uri</c> is where to reach the worker.</summary>
    [Id(4)]
    public required string Attributes { get; init; }

    /// <summary>Name of the worker's current activity (for example <c>Available</c>, <c>Offline</c>).</summary>
    [Id(5)]
    public required string ActivityName { get; init; }

    /// <summary>Whether the current activity lets the worker be offered tasks.</summary>
    [Id(6)]
    public required bool Available { get; init; }

    /// <summary>Since when the worker has been available and without work; null while unavailable. Longest idle is offered first.</summary>
    [Id(7)]
    public DateTimeOffset? IdleSince { get; init; }

    /// <summary>When it was created.</summary>
    [Id(8)]
    public required DateTimeOffset DateCreated { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(9)]
    public required DateTimeOffset DateUpdated { get; init; }

    /// <summary>Increases by one on every change; an integer sent as a string, as TaskRouter does.</summary>
    [JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]
    [Id(10)]
    public required long Version { get; init; }
}

/// <summary>A worker activity: a name and whether it makes the worker available for offers.</summary>
/// <param name="Name">The activity's name.</param>
/// <param name="Available">Whether workers in it can be offered tasks.</param>
[GenerateSerializer, Alias("telephony.WorkerActivity"), Immutable]
public sealed record WorkerActivity([Id(0)] string Name, [Id(1)] bool Available)
{
    /// <summary>Ready for offers.</summary>
    public static WorkerActivity Idle { get; } = new("Available", true);

    /// <summary>Not taking offers.</summary>
    public static WorkerActivity Offline { get; } = new("Offline", false);
}

/// <summary>Creates a worker.</summary>
/// <param name="FriendlyName">Human-readable name.</param>
/// <param name="Attributes">JSON object text (<c>skills</c>, <c>contact_uri</c>, anything else); null for <c>{}</c>.</param>
/// <param name="Activity">Initial activity; null for <see cref="WorkerActivity.Offline"/>.</param>
[GenerateSerializer, Alias("telephony.CreateWorkerRequest"), Immutable]
public sealed record CreateWorkerRequest([Id(0)] string FriendlyName, [Id(1)] string? Attributes = null, [Id(2)] WorkerActivity? Activity = null);

/// <summary>Changes a worker; null fields stay as they are.</summary>
/// <param name="FriendlyName">New name.</param>
/// <param name="Attributes">New attributes (JSON object text).</param>
/// <param name="Activity">New activity.</param>
/// <param name="ExpectedVersion">When set, the update applies only if this is the current version.</param>
[GenerateSerializer, Alias("telephony.UpdateWorkerRequest"), Immutable]
public sealed record UpdateWorkerRequest([Id(0)] string? FriendlyName = null, [Id(1)] string? Attributes = null, [Id(2)] WorkerActivity? Activity = null, [Id(3)] long? ExpectedVersion = null);
