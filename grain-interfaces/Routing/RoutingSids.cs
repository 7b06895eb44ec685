using System.Globalization;
using System.Security.Cryptography;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>Twilio-style sids (two-letter prefix + 32 lowercase hex digits) and the grain keys built from them.</summary>
public static class RoutingSids
{
    /// <summary>Prefix of workspace sids.</summary>
    public const string WorkspacePrefix = "WS";

    /// <summary>Prefix of worker sids.</summary>
    public const string WorkerPrefix = "WK";

    /// <summary>Prefix of task queue sids.</summary>
    public const string TaskQueuePrefix = "WQ";

    /// <summary>Prefix of task sids.</summary>
    public const string TaskPrefix = "WT";

    /// <summary>Prefix of reservation sids.</summary>
    public const string ReservationPrefix = "WR";

    /// <summary>A new random sid with <paramref name="prefix"/>.</summary>
    public static string New(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>
    /// The well-known sid number <paramref name="number"/> with <paramref name="prefix"/> (its hex digits zero-padded): sids
    /// documented and configured before anything exists, which random sids never collide with in practice.
    /// </summary>
    public static string WellKnown(string prefix, uint number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return prefix + number.ToString("x32", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="value"/> is <paramref name="prefix"/> followed by 32 hex digits.</summary>
    public static bool IsValid(string prefix, string? value) =>
        value is not null
        && value.Length == prefix.Length + 32
        && value.StartsWith(prefix, StringComparison.Ordinal)
        && !value.AsSpan(prefix.Length).ContainsAnyExcept("0123456789abcdefABCDEF");

    /// <summary>Key of a grain scoped to a workspace (workers, task queues, tasks): <c>{workspaceSid}/{sid}</c>.</summary>
    public static string ScopedKey(string workspaceSid, string sid) => $"{workspaceSid}/{sid}";

    /// <summary>Splits a key made by <see cref="ScopedKey"/>.</summary>
    public static (string WorkspaceSid, string Sid) SplitScopedKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a workspace-scoped key ({{workspaceSid}}/{{sid}}).");
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
