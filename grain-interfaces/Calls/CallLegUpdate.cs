using Orleans;

namespace Telephony.GrainInterfaces.Calls;

/// <summary>
/// A call leg as it is after a change, sent by the leg's grain to its session. <see cref="Version"/> counts the
/// leg's changes, so a session that receives updates out of order keeps the newest.
/// </summary>
/// <param name="SessionId">The session the leg belongs to.</param>
/// <param name="Leg">The leg now.</param>
/// <param name="Version">How many changes the leg has had.</param>
/// <param name="EventId">
/// The provider event that made this version; null when the leg is handed over on attach. A leg whose write failed
/// after its session took a version makes that version again from its next event: the event id tells them apart.
/// </param>
[GenerateSerializer, Alias("telephony.CallLegUpdate"), Immutable]
public sealed record CallLegUpdate([Id(0)] string SessionId, [Id(1)] CallLeg Leg, [Id(2)] long Version, [Id(3)] string? EventId = null);
