using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers;

/// <summary>One account's connection to a telephony provider: runs call-control commands through its REST API.</summary>
public interface ICallProvider
{
    /// <summary>Which provider this is.</summary>
    ProviderKind Kind { get; }

    /// <summary>Runs a command. Throws <see cref="ProviderException"/> when the provider refuses or cannot be reached.</summary>
    Task<CommandResult> ExecuteAsync(CallCommand command, CancellationToken cancellationToken);
}
