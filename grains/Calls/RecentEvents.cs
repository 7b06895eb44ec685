using Orleans;

namespace Telephony.Grains.Calls;

/// <summary>Ids of recently applied provider events, so a callback delivered twice has one effect.</summary>
[GenerateSerializer, Alias("telephony.state.RecentEvents")]
public sealed class RecentEvents
{
    /// <summary>How many ids are kept; providers repeat a callback within seconds, not hundreds of events later.</summary>
    public const int Capacity = 128;

    /// <summary>The remembered ids, oldest first.</summary>
    [Id(0)]
    public List<string> Ids { get; set; } = [];

    /// <summary>
    /// Remembers an event id; false when it was seen before. The owner's own id is dropped from the start of the
    /// event id (a call's events are numbered within the call), which keeps the stored state small.
    /// </summary>
    public bool Remember(string eventId, string ownerId)
    {
        if (ownerId.Length > 0 && eventId.Length > ownerId.Length && eventId.StartsWith(ownerId, StringComparison.Ordinal) && eventId[ownerId.Length] == ':')
        {
            eventId = eventId[(ownerId.Length + 1)..];
        }

        if (Ids.Contains(eventId))
        {
            return false;
        }

        Ids.Add(eventId);
        if (Ids.Count > Capacity)
        {
            Ids.RemoveAt(0);
        }

        return true;
    }
}
