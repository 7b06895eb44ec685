using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Simulator;

/// <summary>
/// Runs call-control commands against an account's <see cref="SimulatedNetwork"/> instead of a real provider. Commands
/// take effect at once and answer like the simulated provider's REST API; what follows arrives as callbacks.
/// </summary>
public sealed class SimulatorCallProvider : ICallProvider
{
    private static readonly CommandResult Done = new();

    /// <summary>Creates the provider over <paramref name="network"/>.</summary>
    public SimulatorCallProvider(SimulatedNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
    }

    /// <summary>The network the commands run on.</summary>
    public SimulatedNetwork Network { get; }

    /// <inheritdoc />
    public ProviderKind Kind => ProviderKind.Simulator;

    /// <inheritdoc />
    public Task<CommandResult> ExecuteAsync(CallCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<CommandResult>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Execute(command));
        }
        catch (Exception ex) when (ex is ProviderException or ArgumentException or ObjectDisposedException)
        {
            return Task.FromException<CommandResult>(ex);
        }
    }

    private CommandResult Execute(CallCommand command)
    {
        switch (command)
        {
            case DialCommand dial:
                InstructionUrls.Check(dial);
                return Network.Dial(dial);
            case HangupCommand hangup:
                Network.Hangup(hangup.CallId);
                break;
            case RedirectCommand redirect:
                Network.Redirect(redirect.CallId, new DialInstruction(redirect.Destination) { CallerId = redirect.CallerId });
                break;
            case RedirectToUrlCommand redirect:
                InstructionUrls.Check(redirect);
                Network.RedirectToUrl(redirect.CallId, redirect.Url);
                break;
            case MoveToConferenceCommand move:
                Network.Redirect(move.CallId, new JoinConferenceInstruction(move.ConferenceName) { EndConferenceOnExit = move.EndConferenceOnExit });
                break;
            case UpdateParticipantCommand update:
                Network.UpdateParticipant(update);
                break;
            case RemoveParticipantCommand remove:
                Network.RemoveParticipant(remove.ConferenceId, remove.CallId);
                break;
            case EndConferenceCommand end:
                Network.EndConference(end.ConferenceId);
                break;
            case SendMessageCommand message:
                Network.SendMessage(message);
                break;
            default:
                throw new ArgumentException($"The simulator cannot run {command.GetType().Name}.", nameof(command));
        }

        return Done;
    }
}
