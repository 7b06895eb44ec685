using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Sessions;

// The session as routing sees it: its incoming call queued as a task, a worker dialled in, the worker's leg controlled.
public sealed partial class SessionGrain
{
    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> ConnectAgent(AgentConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Record.CheckAgentConnection(connection) is { } refused)
        {
            return refused;
        }

        var from = connection.From ?? Session.ToAddress ?? accounts.Find(Session.AccountId!)?.DefaultCallerId;
        if (from is null)
        {
            return RoutingResult.Invalid<SessionInfo>("'from' is required: the session has no number to call the worker from.", Session);
        }

        var (agent, refusal) = await DialMemberAsync(from, connection.ContactUri, SessionRecord.Member(connection.WorkerSid, SessionMemberRoles.Agent, connection.DisplayName));
        if (agent is null)
        {
            return await RefusedAsync($"The call to agent {connection.DisplayName} failed: {refusal}");
        }

        Record.Change(s => s with { QueueMemberId = connection.WorkerSid, MostRecentParticipantCallSid = agent.CallSid });
        Record.Log($"Agent {connection.DisplayName} dialled at {connection.ContactUri}");
        return await AttachAsync(agent.CallSid!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> UpdateParticipant(ParticipantUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Record.CheckParticipantUpdate(update) is { } refused)
        {
            return refused;
        }

        var result = RoutingResult.Success(Session);
        if (update.Hold is { } hold && hold != Record.IsHeld(update.CallSid))
        {
            result = hold ? await HoldAsync(null, update.CallSid, SessionHoldReasons.None) : await UnholdAsync(null, update.CallSid);
        }

        var member = SessionRecord.MemberOfCall(Session, update.CallSid)!;
        if (!result.IsSuccess || update.Muted is not { } muted || muted == member.Muted)
        {
            return result;
        }

        if (Session.ConferenceSid is not { } conferenceId)
        {
            return SessionRecord.Conflict(Session, $"{member.Identity} is not in a conference, so it cannot be muted.");
        }

        return await CommandThenAsync(
            new UpdateParticipantCommand { CommandId = Record.NextCommandId(), ConferenceId = conferenceId, CallId = update.CallSid, Muted = muted },
            refusal => $"{member.Identity} could not be {(muted ? "muted" : "unmuted")}: {refusal}",
            () => Record.MarkMuted(member, muted));
    }

    /// <summary>Queues the incoming call as a task, or cancels its task, as <see cref="SessionRecord.NextTaskStep"/> says.</summary>
    private async Task QueueOrCancelTaskAsync()
    {
        var account = accounts.Find(Session.AccountId!);
        switch (Record.NextTaskStep(account?.RoutesIncomingCalls == true))
        {
            case TaskStep.Queue:
                await QueueAsync(account!.DefaultWorkspace!, account.DefaultTaskQueue!);
                break;
            case TaskStep.Cancel:
                var task = state.State.Task!;
                var canceled = await GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(task.WorkspaceSid, task.TaskSid)).Cancel(TaskCancelReasons.CallerHungUp);
                Record.TaskCanceled(canceled.IsSuccess, canceled.Error);
                await SaveAsync();
                break;
        }
    }

    private async Task QueueAsync(string workspaceSid, string queueSid)
    {
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(workspaceSid);
        if ((await workspace.Get()).Value?.AccountSid != Session.AccountId)
        {
            Record.NotQueued(workspaceSid, $"workspace {workspaceSid} is not one of this account's.");
        }
        else
        {
            var created = await workspace.CreateTask(new CreateTaskRequest(queueSid, Record.TaskAttributes(), SessionId: GrainKey));
            if (created is { IsSuccess: true, Value: { } task })
            {
                Record.Queued(workspaceSid, queueSid, task.Sid);
            }
            else
            {
                Record.NotQueued(workspaceSid, created.Error);
            }
        }

        await SaveAsync();
    }
}
