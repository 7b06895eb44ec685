using System.Text;

namespace Telephony.GrainInterfaces.Sessions.Events;

/// <summary>
/// How an account's session events are spread: each session publishes to one of <see cref="Count"/> shards chosen by
/// a stable hash of its id, so no grain carries a whole account's traffic and a session's events stay in order.
/// </summary>
public static class SessionEventShards
{
    /// <summary>Shards per account; a stream's position names one position per shard.</summary>
    public const int Count = 16;

    /// <summary>The shard a session publishes to: FNV-1a of its id's UTF-8, the same on every node and version.</summary>
    public static int Of(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(sessionId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>The grain key of shard <paramref name="shard"/> of <paramref name="accountId"/>: <c>{shard}/{accountId}</c>.</summary>
    public static string Key(string accountId, int shard)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, Count);
        return $"{shard}/{accountId}";
    }

    /// <summary>Splits a key made by <see cref="Key"/>.</summary>
    public static (string AccountId, int Shard) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && int.TryParse(key.AsSpan(0, slash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var shard) && shard < Count
            ? (key[(slash + 1)..], shard)
            : throw new FormatException($"'{key}' is not a session event shard key ({{shard}}/{{accountId}}).");
    }
}
