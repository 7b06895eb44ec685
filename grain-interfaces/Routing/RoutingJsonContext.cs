using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>Source-generated JSON for the routing wire DTOs: camelCase, TaskRouter's enum spellings, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Workspace))]
[JsonSerializable(typeof(Worker))]
[JsonSerializable(typeof(WorkerActivity))]
[JsonSerializable(typeof(TaskQueue))]
[JsonSerializable(typeof(IReadOnlyList<TaskQueue>))]
[JsonSerializable(typeof(RoutingTask))]
[JsonSerializable(typeof(TaskReservationRef))]
[JsonSerializable(typeof(IReadOnlyList<TaskReservationRef>))]
[JsonSerializable(typeof(Reservation))]
[JsonSerializable(typeof(WorkerEvent))]
[JsonSerializable(typeof(IReadOnlyList<WorkerEvent>))]
[JsonSerializable(typeof(CreateWorkspaceRequest))]
[JsonSerializable(typeof(CreateWorkerRequest))]
[JsonSerializable(typeof(UpdateWorkerRequest))]
[JsonSerializable(typeof(CreateTaskQueueRequest))]
[JsonSerializable(typeof(UpdateTaskQueueRequest))]
[JsonSerializable(typeof(CreateTaskRequest))]
[JsonSerializable(typeof(UpdateTaskRequest))]
[JsonSerializable(typeof(ReservationInstruction))]
public sealed partial class RoutingJsonContext : JsonSerializerContext;
