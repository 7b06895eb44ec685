using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>A task queue's settings: required skills, reservation timeout, workers offered at once.</summary>
[GrainType("taskqueue")]
internal sealed class TaskQueueGrain(
    [PersistentState("queue")] IPersistentState<TaskQueueState> state,
    TimeProvider timeProvider) : Grain, ITaskQueueGrain
{
    private string GrainKey => field ??= this.GetPrimaryKeyString();

    private string WorkspaceSid => RoutingSids.SplitScopedKey(GrainKey).WorkspaceSid;

    private string QueueSid => RoutingSids.SplitScopedKey(GrainKey).Sid;

    /// <inheritdoc />
    public async Task<RoutingResult<TaskQueue>> Create(string accountSid, CreateTaskQueueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Queue is { } existing)
        {
            return RoutingResult.IllegalTransition(existing, $"Task queue {existing.Sid} already exists.");
        }

        var now = timeProvider.GetUtcNow();
        var queue = new TaskQueue
        {
            Sid = QueueSid,
            AccountSid = accountSid,
            WorkspaceSid = WorkspaceSid,
            FriendlyName = request.FriendlyName,
            RequiredSkills = [.. request.RequiredSkills ?? []],
            ReservationTimeout = request.ReservationTimeout ?? TaskQueue.DefaultReservationTimeout,
            MaxReservedWorkers = request.MaxReservedWorkers ?? 1,
            DateCreated = now,
            DateUpdated = now,
            Version = 0,
        };
        if (Validate(queue) is { } error)
        {
            return RoutingResult.Invalid<TaskQueue>(error);
        }

        state.State.Queue = queue;
        await state.WriteStateAsync();
        return RoutingResult.Success(queue);
    }

    /// <inheritdoc />
    public Task<RoutingResult<TaskQueue>> Get() =>
        Task.FromResult(state.State.Queue is { } queue
            ? RoutingResult.Success(queue)
            : RoutingResult.NotFound<TaskQueue>($"Task queue {QueueSid} does not exist in workspace {WorkspaceSid}."));

    /// <inheritdoc />
    public async Task<RoutingResult<TaskQueue>> Update(UpdateTaskQueueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (state.State.Queue is not { } current)
        {
            return RoutingResult.NotFound<TaskQueue>($"Task queue {QueueSid} does not exist in workspace {WorkspaceSid}.");
        }

        if (request.ExpectedVersion is { } expected && expected != current.Version)
        {
            return RoutingResult.StaleVersion(current, expected, current.Version);
        }

        var changed = current with
        {
            FriendlyName = request.FriendlyName ?? current.FriendlyName,
            RequiredSkills = request.RequiredSkills is { } skills ? [.. skills] : current.RequiredSkills,
            ReservationTimeout = request.ReservationTimeout ?? current.ReservationTimeout,
            MaxReservedWorkers = request.MaxReservedWorkers ?? current.MaxReservedWorkers,
        };
        if (Validate(changed) is { } error)
        {
            return RoutingResult.Invalid(error, current);
        }

        if (changed.FriendlyName == current.FriendlyName
            && changed.RequiredSkills.SequenceEqual(current.RequiredSkills, StringComparer.Ordinal)
            && changed.ReservationTimeout == current.ReservationTimeout
            && changed.MaxReservedWorkers == current.MaxReservedWorkers)
        {
            return RoutingResult.Success(current);
        }

        state.State.Queue = changed with { DateUpdated = timeProvider.GetUtcNow(), Version = current.Version + 1 };
        await state.WriteStateAsync();
        _ = GrainFactory.GetGrain<IWorkspaceGrain>(WorkspaceSid).RouteWaitingTasks();
        return RoutingResult.Success(state.State.Queue);
    }

    private static string? Validate(TaskQueue queue) =>
        string.IsNullOrWhiteSpace(queue.FriendlyName) ? "A task queue needs a friendly name."
        : queue.RequiredSkills.Any(string.IsNullOrWhiteSpace) ? "Required skills must be non-empty strings."
        : queue.ReservationTimeout is < 1 or > TaskQueue.MaxReservationTimeout ? $"The reservation timeout must be 1 to {TaskQueue.MaxReservationTimeout} seconds."
        : queue.MaxReservedWorkers is < 1 or > TaskQueue.MaxReservedWorkersLimit ? $"Max reserved workers must be 1 to {TaskQueue.MaxReservedWorkersLimit}."
        : null;
}
