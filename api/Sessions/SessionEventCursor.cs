using System.Globalization;
using Telephony.GrainInterfaces.Sessions.Events;

namespace Telephony.Api.Sessions;

/// <summary>
/// Where a session stream is: one position per event shard of the account, written as the SSE <c>id</c>
/// (<c>{shard 0}.{shard 1}.…</c>), so <c>Last-Event-ID</c> resumes every shard exactly where the client left it.
/// </summary>
internal sealed class SessionEventCursor
{
    private readonly long[] _positions;

    private SessionEventCursor(long[] positions) => _positions = positions;

    /// <summary>The position in <paramref name="shard"/>: the last event of it the stream has passed.</summary>
    public long this[int shard]
    {
        get => _positions[shard];
        set => _positions[shard] = value;
    }

    /// <summary>A cursor at <paramref name="positions"/> (one per shard).</summary>
    public static SessionEventCursor At(IReadOnlyList<long> positions) => new([.. positions]);

    /// <summary>Reads a <c>Last-Event-ID</c>; false unless it is one non-negative number per shard, separated by dots.</summary>
    public static bool TryParse(string text, out SessionEventCursor? cursor)
    {
        cursor = null;
        var parts = text.Split('.');
        if (parts.Length != SessionEventShards.Count)
        {
            return false;
        }

        var positions = new long[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length is 0 or > 19 || !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out positions[i]))
            {
                return false;
            }
        }

        cursor = new SessionEventCursor(positions);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('.', _positions.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
