namespace Telephony.Runtime.Core;

/// <summary>
/// Rendezvous (highest random weight) hashing: each grain goes to the silo with the highest score
/// for (silo, grain), so a silo leaving moves only its own grains and a silo joining takes an even share.
/// </summary>
internal static class RendezvousHash
{
    /// <summary>A well-mixed 64-bit score, stable across processes (unlike string.GetHashCode).</summary>
    public static ulong Score(string silo, string grainType, string key)
    {
        var hash = 14695981039346656037UL;
        hash = Append(hash, silo);
        hash = Append(hash, grainType);
        hash = Append(hash, key);

        // FNV alone mixes trailing characters poorly; the MurmurHash3 finalizer spreads every bit.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash;
    }

    private static ulong Append(ulong hash, string part)
    {
        foreach (var c in part)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash ^ 0xFF) * 1099511628211UL;
    }
}
