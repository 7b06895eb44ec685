namespace Telephony.Storage;

/// <summary>A stored grain state row: its version, and its serialized payload (null once cleared: a tombstone).</summary>
internal readonly record struct StoredState(long Version, byte[]? Payload);
