using System.Net;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers;

namespace Telephony.Grains.Sessions;

// Provider commands: recorded before they are sent, resumed or reported after a crash.
public sealed partial class SessionGrain
{
    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Session is not { } session || state.State.PendingCommands.Count == 0)
        {
            return;
        }

        // A crash came between sending a command and storing its answer: repeat what is safe to repeat and
        // record its effect; report what is not (placing a call or sending a text twice is worse than once).
        var pending = state.State.PendingCommands.ToList();
        state.State.PendingCommands.Clear();
        foreach (var command in pending)
        {
            if (!command.IsIdempotent)
            {
                Log($"{Describe(command)} may not have reached the provider (interrupted by a restart).");
                if (command is DialCommand && session.CallSid is null)
                {
                    Finish("Failed", "The session's call was not placed.", caller: null);
                }

                continue;
            }

            try
            {
                await Provider(session).Execute(session.AccountId!, command);
                Resumed(command);
            }
            catch (ProviderException e)
            {
                SessionLog.ResumeFailed(logger, e, GrainKey, command.CommandId);
                Log($"{Describe(command)} failed after a restart: {e.Message}");
            }
        }

        await SaveAsync();
    }

    /// <summary>Records the effect of a command resent after a restart; the others' effects arrive with their legs' callbacks.</summary>
    private void Resumed(CallCommand command)
    {
        switch (command)
        {
            case UpdateParticipantCommand { Hold: true } hold when !state.State.HeldCallSids.Contains(hold.CallId):
                MarkHeld(hold.CallId, SessionHoldReasons.None, caller: null);
                break;
            case UpdateParticipantCommand { Hold: false } unhold when state.State.HeldCallSids.Contains(unhold.CallId):
                MarkUnheld(unhold.CallId, caller: null);
                break;
            default:
                Log($"{Describe(command)} resent after a restart");
                break;
        }
    }

    /// <summary>Stores a provider's refusal in the log (nothing else changed) and answers 409.</summary>
    private async Task<RoutingResult<SessionInfo>> RefusedAsync(SessionInfo session, string message)
    {
        Log(message);
        await SaveAsync();
        return Conflict(Session ?? session, message);
    }

    private IProviderGrain Provider(SessionInfo session) =>
        GrainFactory.GetGrain<IProviderGrain>(CallKeys.Provider(accounts.Find(session.AccountId!)?.Provider ?? ProviderKind.Simulator));

    private static string Describe(CallCommand command) => command switch
    {
        DialCommand dial => $"The call to {dial.To}",
        HangupCommand hangup => $"Hanging up {hangup.CallId}",
        RedirectCommand redirect => $"The transfer to {redirect.Destination}",
        RedirectToUrlCommand redirect => $"Moving {redirect.CallId} to {redirect.Url}",
        UpdateParticipantCommand update => $"Changing hold of {update.CallId}",
        SendMessageCommand message => $"The text message to {message.To}",
        _ => command.GetType().Name,
    };

    /// <summary>
    /// Sends a command through the provider grain, recorded as pending while it runs. A refusal (the provider
    /// answered that it cannot) comes back as text; a failure to reach the provider after retries is thrown.
    /// </summary>
    private async Task<(CommandResult? Result, string? Refusal)> SendAsync(CallCommand command)
    {
        var session = Session!;
        state.State.PendingCommands.Add(command);
        await state.WriteStateAsync();
        try
        {
            return (await Provider(session).Execute(session.AccountId!, command), null);
        }
        catch (ProviderException e) when (!e.IsTransient && e.StatusCode is not null and < HttpStatusCode.InternalServerError)
        {
            SessionLog.CommandRefused(logger, e, GrainKey, command.CommandId);
            return (null, e.Message);
        }
        catch (ProviderException)
        {
            state.State.PendingCommands.Remove(command);
            Log($"{Describe(command)} failed: the provider could not be reached.");
            await state.WriteStateAsync();
            throw;
        }
        finally
        {
            // Stored with the caller's next write, which always follows.
            state.State.PendingCommands.Remove(command);
        }
    }
}
