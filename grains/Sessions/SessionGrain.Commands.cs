using System.Net;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Routing;
using Telephony.Providers;

namespace Telephony.Grains.Sessions;

// Provider commands: recorded before they are sent, resumed or reported after a crash.
public sealed partial class SessionGrain
{
    /// <summary>
    /// Settles what a crash may have left: commands sent without their answers stored, and a stored version that never
    /// reached the catalog (giving the catalog a version it holds changes nothing). The stored version is the one
    /// clients were last told of: only changes from it on are announced.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _announced = Record.Info;
        if (Record.Info is not { } session)
        {
            return;
        }

        if (state.State.PendingCommands.Count == 0)
        {
            await CatalogAsync();
            return;
        }

        // A crash came between sending a command and storing its answer: repeat what is safe to repeat and
        // record its effect; report what is not (placing a call or sending a text twice is worse than once).
        var pending = state.State.PendingCommands.ToList();
        state.State.PendingCommands.Clear();
        foreach (var command in pending)
        {
            var resent = false;
            if (command.IsIdempotent)
            {
                try
                {
                    await Provider(session.AccountId!).Execute(session.AccountId!, command);
                    resent = true;
                }
                catch (ProviderException e)
                {
                    SessionLog.ResumeFailed(logger, e, GrainKey, command.CommandId);
                    Record.Log($"{SessionRecord.Describe(command)} failed after a restart: {e.Message}");
                    continue;
                }
            }

            Record.Recover(command, resent);
        }

        await SaveAsync();
    }

    private IProviderGrain Provider(string accountId) =>
        GrainFactory.GetGrain<IProviderGrain>(CallKeys.Provider(accounts.Find(accountId)?.Provider ?? ProviderKind.Simulator));

    /// <summary>
    /// Sends a command through the provider grain, recorded as pending while it runs. A refusal (the provider
    /// answered that it cannot) comes back as text; a failure to reach the provider after retries is thrown.
    /// </summary>
    private async Task<(CommandResult? Result, string? Refusal)> SendAsync(CallCommand command)
    {
        var accountId = Session.AccountId!;
        state.State.PendingCommands.Add(command);
        await state.WriteStateAsync();
        try
        {
            return (await Provider(accountId).Execute(accountId, command), null);
        }
        catch (ProviderException e) when (!e.IsTransient && e.StatusCode is not null and < HttpStatusCode.InternalServerError)
        {
            SessionLog.CommandRefused(logger, e, GrainKey, command.CommandId);
            return (null, e.Message);
        }
        catch (ProviderException)
        {
            state.State.PendingCommands.Remove(command);
            Record.Log($"{SessionRecord.Describe(command)} failed: the provider could not be reached.");
            await SaveAsync();
            throw;
        }
        finally
        {
            // Stored with the caller's next write, which always follows.
            state.State.PendingCommands.Remove(command);
        }
    }
}
