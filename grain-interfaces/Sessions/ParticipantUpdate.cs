using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Holds or mutes one participant of a session's conference (a reservation's updateParticipant instruction).</summary>
/// <param name="AccountId">The caller's account; a session of another account is not found.</param>
/// <param name="CallSid">The participant's leg.</param>
/// <param name="Hold">New hold state; null leaves it.</param>
/// <param name="Muted">New mute state; null leaves it.</param>
[GenerateSerializer, Alias("telephony.ParticipantUpdate"), Immutable]
public sealed record ParticipantUpdate([Id(0)] string AccountId, [Id(1)] string CallSid, [Id(2)] bool? Hold, [Id(3)] bool? Muted);
