using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>
/// The provider abstraction (key: provider name; a stateless worker). Inbound it hands normalized
/// callbacks to the grains that own them; outbound it runs commands through the account's adapter.
/// </summary>
[Alias("telephony.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>Applies a callback to the call leg (and conference) it concerns and returns what the call should do next, if the provider asked.</summary>
    [Alias("Dispatch")]
    Task<IReadOnlyList<CallInstruction>> Dispatch(CallEvent callEvent);

    /// <summary>Runs a command for an account, retrying transient failures of idempotent commands.</summary>
    [Alias("Execute")]
    Task<CommandResult> Execute(string accountId, CallCommand command);
}
