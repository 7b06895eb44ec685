using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>Event sequences as our grains see them, for comparing providers.</summary>
internal static class Normalized
{
    private static readonly HashSet<CallEventType> ProgressTypes =
        [CallEventType.Initiated, CallEventType.Ringing, CallEventType.Answered, CallEventType.Disconnected];

    /// <summary>
    /// The events in order, each step of a leg's progress once: Twilio reports an answered outbound leg both by
    /// status callback and by voice webhook, and grains apply a state at most once.
    /// </summary>
    public static IReadOnlyList<CallEvent> Events(IEnumerable<CallEvent> events)
    {
        var seen = new HashSet<(string?, CallEventType)>();
        return [.. events.Where(e => !ProgressTypes.Contains(e.Type) || seen.Add((e.ProviderCallId, e.Type)))];
    }

    /// <summary>The types of <see cref="Events"/>, leaving out those in <paramref name="without"/>.</summary>
    public static IReadOnlyList<CallEventType> Types(IEnumerable<CallEvent> events, params CallEventType[] without) =>
        [.. Events(events).Select(e => e.Type).Where(t => !without.Contains(t))];
}
