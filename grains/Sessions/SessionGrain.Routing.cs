using System.Text.Json.Nodes;
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
        if (Session is not { } session || session.AccountId != connection.AccountId)
        {
            return NotFound();
        }

        if (session.Ended || session.Channel != FlowChannels.Voice)
        {
            return Conflict(session, session.Ended ? "The session has ended." : "A chat has no call to connect an agent to.");
        }

        if (session.Members.Any(m => m.Identity == connection.WorkerSid && m.CallState != SessionMemberCallState.None))
        {
            return Conflict(session, $"Worker {connection.WorkerSid} is already in the call.");
        }

        var from = connection.From ?? session.ToAddress ?? accounts.Find(session.AccountId!)?.DefaultCallerId;
        if (from is null)
        {
            return RoutingResult.Invalid<SessionInfo>("'from' is required: the session has no number to call the worker from.", session);
        }

        var (agent, refusal) = await DialMemberAsync(from, connection.ContactUri, Member(connection.WorkerSid, SessionMemberRoles.Agent, connection.DisplayName));
        if (agent is null)
        {
            return await RefusedAsync(session, $"The call to agent {connection.DisplayName} failed: {refusal}");
        }

        Change(s => s with { QueueMemberId = connection.WorkerSid, MostRecentParticipantCallSid = agent.CallSid });
        Log($"Agent {connection.DisplayName} dialled at {connection.ContactUri}");
        return await AttachAsync(agent.CallSid!);
    }

    /// <inheritdoc />
    public async Task<RoutingResult<SessionInfo>> UpdateParticipant(ParticipantUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Session is not { } session || session.AccountId != update.AccountId)
        {
            return NotFound();
        }

        if (session.Ended)
        {
            return Conflict(session, "The session has ended.");
        }

        if (MemberOfCall(session, update.CallSid) is not { } member)
        {
            return RoutingResult.Invalid<SessionInfo>($"Call {update.CallSid} is not a leg of this session.", session);
        }

        var result = RoutingResult.Success(session);
        if (update.Hold is { } hold && hold != state.State.HeldCallSids.Contains(update.CallSid))
        {
            result = hold ? await HoldAsync(null, update.CallSid, SessionHoldReasons.None) : await UnholdAsync(null, update.CallSid);
        }

        if (!result.IsSuccess || update.Muted is not { } muted || muted == member.Muted)
        {
            return result;
        }

        if (Session!.ConferenceSid is not { } conferenceId)
        {
            return Conflict(Session, $"{member.Identity} is not in a conference, so it cannot be muted.");
        }

        var sent = await SendAsync(new UpdateParticipantCommand { CommandId = NextCommandId(), ConferenceId = conferenceId, CallId = update.CallSid, Muted = muted });
        if (sent.Refusal is { } refusal)
        {
            return await RefusedAsync(Session, $"{member.Identity} could not be {(muted ? "muted" : "unmuted")}: {refusal}");
        }

        Change(s => s with { Members = [.. s.Members.Select(m => m.CallSid == update.CallSid ? m with { Muted = muted } : m)] });
        Log(muted ? $"{member.Identity} is muted" : $"{member.Identity} is unmuted");
        await SaveAsync();
        return RoutingResult.Success(Session!);
    }

    /// <summary>
    /// An incoming call on an account that routes calls becomes a task in its default queue once; a session that
    /// ends before an agent took it cancels its task (the workers' pending offers are canceled with it).
    /// </summary>
    private async Task QueueOrCancelTaskAsync()
    {
        var session = Session!;
        if (session.Direction != SessionDirections.Incoming || accounts.Find(session.AccountId!) is not { RoutesIncomingCalls: true } account)
        {
            return;
        }

        if (state.State.Task is null && !session.Ended)
        {
            await QueueAsync(account.DefaultWorkspace!, account.DefaultTaskQueue!);
        }
        else if (state.State.Task is { Canceled: false } task && session.Ended && !state.State.Answered)
        {
            var canceled = await GrainFactory.GetGrain<ITaskGrain>(RoutingSids.ScopedKey(task.WorkspaceSid, task.TaskSid)).Cancel(TaskCancelReasons.CallerHungUp);
            state.State.Task = task with { Canceled = true };
            Log(canceled.IsSuccess ? "Task canceled: the caller hung up" : $"Task not canceled: {canceled.Error}");
            await SaveAsync();
        }
    }

    private async Task QueueAsync(string workspaceSid, string queueSid)
    {
        var session = Session!;
        var workspace = GrainFactory.GetGrain<IWorkspaceGrain>(workspaceSid);
        if ((await workspace.Get()).Value?.AccountSid != session.AccountId)
        {
            Log($"Not queued: workspace {workspaceSid} is not one of this account's.");
            state.State.Task = new SessionTask(workspaceSid, string.Empty, Canceled: true);
            await SaveAsync();
            return;
        }

        var attributes = new JsonObject
        {
            ["type"] = "inbound_call",
            ["from"] = session.FromAddress,
            ["to"] = session.ToAddress,
            ["call_sid"] = session.CallSid,
            ["session_id"] = GrainKey,
        };
        var created = await workspace.CreateTask(new CreateTaskRequest(queueSid, attributes.ToJsonString(), SessionId: GrainKey));
        if (created.Value is { } task && created.IsSuccess)
        {
            state.State.Task = new SessionTask(workspaceSid, task.Sid, Canceled: false);
            Change(s => s with { QueueState = SessionQueueStates.Queued, RingQueueId = queueSid });
            Log($"Queued for an agent (task {task.Sid})");
        }
        else
        {
            state.State.Task = new SessionTask(workspaceSid, string.Empty, Canceled: true);
            Log($"Not queued: {created.Error}");
        }

        await SaveAsync();
    }
}
