using System.Net;

namespace Telephony.Testing.Cluster;

/// <summary>
/// Incoming calls that ring and hang up, as their providers' signed callbacks: even-numbered calls on Twilio, odd ones
/// on Bandwidth, each from a number of its own.
/// </summary>
public static class CallLoad
{
    /// <summary>How long a callback is retried, as a provider retries, before it counts as unacknowledged.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Delivers call <paramref name="index"/>'s incoming and hang-up callbacks, each to both API nodes at once when
    /// <paramref name="duplicated"/>, and tells which were acknowledged.
    /// </summary>
    public static async Task<LoadCall> PlaceAsync(Traffic traffic, int index, bool duplicated)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var twilio = index % 2 == 0;
        var from = ProviderCallbacks.Number(twilio ? 1 : 2, index);
        const string to = "+15557000000";
        var callId = twilio ? $"CA{index:x32}" : $"c-cluster-{index:D8}";
        var incoming = twilio ? ProviderCallbacks.TwilioIncoming(ClusterAccounts.TwilioCalls, callId, from, to) : ProviderCallbacks.BandwidthInitiate(callId, from, to);
        var hangup = twilio ? ProviderCallbacks.TwilioCompleted(ClusterAccounts.TwilioCalls, callId, from, to) : ProviderCallbacks.BandwidthDisconnect(callId, from, to);
        var answered = await DeliverAsync(traffic, incoming, index, duplicated, "incoming");
        var hungUp = await DeliverAsync(traffic, hangup, index + 1, duplicated, "hang-up");
        return new LoadCall(twilio, from, duplicated, answered, hungUp);
    }

    /// <summary>The Admin key of the account a call of the load is on.</summary>
    public static string AdminKey(bool twilio) => twilio ? ClusterAccounts.TwilioCalls.AdminKey : ClusterAccounts.BandwidthAdminKey;

    private static async Task<bool> DeliverAsync(Traffic traffic, Func<HttpRequestMessage> callback, int node, bool duplicated, string what)
    {
        var deliveries = duplicated
            ? await Task.WhenAll(traffic.DeliverAsync(callback, node, what, GiveUpAfter), traffic.DeliverAsync(callback, node + 1, what, GiveUpAfter))
            : [await traffic.DeliverAsync(callback, node, what, GiveUpAfter)];
        return deliveries.Any(s => (int)s is >= 200 and < 300);
    }
}

/// <summary>A call of the load and whether its callbacks were acknowledged.</summary>
/// <param name="Twilio">On Twilio, else on Bandwidth.</param>
/// <param name="From">The caller's number, unique to the call.</param>
/// <param name="Duplicated">Whether each callback went to both API nodes.</param>
/// <param name="Answered">Whether the incoming callback was acknowledged.</param>
/// <param name="HungUp">Whether the hang-up callback was acknowledged.</param>
public sealed record LoadCall(bool Twilio, string From, bool Duplicated, bool Answered, bool HungUp);
