namespace Telephony.Runtime;

/// <summary>A grain call would wait on itself through a cycle of non-reentrant grains.</summary>
public sealed class DeadlockException(string message) : Exception(message);

/// <summary>A grain could not be activated (its state could not be read, its constructor or OnActivateAsync threw).</summary>
public sealed class GrainActivationException(string message, Exception? inner) : Exception(message, inner);

/// <summary>The silo that held the activation was stopped or killed before the call ran.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);

/// <summary>A state write or clear carried an ETag that no longer matches the stored one.</summary>
public sealed class InconsistentStateException(string message, string? storedEtag, string? currentEtag) : Exception(message)
{
    /// <summary>The ETag held in storage, when known.</summary>
    public string? StoredEtag { get; } = storedEtag;

    /// <summary>The ETag the writer expected.</summary>
    public string? CurrentEtag { get; } = currentEtag;
}
