namespace Telephony.GrainInterfaces.Calls;

/// <summary>
/// A call leg as it is after a change, sent by the leg's grain to its session. <see cref="Version"/> counts the
/// leg's changes, so a session that receives updates out of order keeps the newest.
/// </summary>
/// <param name="SessionId">The session the leg belongs to.</param>
/// <param name="Leg">The leg now.</param>
/// <param name="Version">How many changes the leg has had.</param>
public sealed record CallLegUpdate(string SessionId, CallLeg Leg, long Version);
