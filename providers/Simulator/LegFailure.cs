namespace Telephony.Providers.Simulator;

/// <summary>How a leg failed, for providers that say (Bandwidth's <c>cause</c>).</summary>
internal enum LegFailure
{
    /// <summary>Our webhook could not be reached or refused.</summary>
    CallbackError,

    /// <summary>Our webhook answered markup the provider cannot run.</summary>
    InvalidInstructions,
}
