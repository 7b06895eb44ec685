using Telephony.GrainInterfaces.Sessions;
using Telephony.GrainInterfaces.Sessions.Events;
using Telephony.Grains.Sessions.Events;

namespace Telephony.Grains.Sessions;

// The session announcing its changes to the live session event stream.
public sealed partial class SessionGrain
{
    /// <summary>The version this activation last announced (at activation: the stored one, announced by the activation before).</summary>
    private SessionInfo? _announced;

    /// <summary>The JSON of <see cref="_announced"/>, once made.</summary>
    private byte[]? _announcedDocument;

    /// <summary>
    /// Tells the account's event shard of this session what the stored version changed for clients, after the state and
    /// the catalog are written, so a stream never shows a change the API could not read back. Awaited so that the
    /// session's events keep their order; a shard that fails is logged and never fails the session (its streams miss
    /// that change, and see the next).
    /// </summary>
    private async Task AnnounceAsync(byte[] document)
    {
        var before = _announced;
        var after = Session;
        var previous = _announcedDocument ?? (before is null ? null : Document(before));
        var kinds = SessionChanges.Between(before, after, previous is null || !previous.AsSpan().SequenceEqual(document));
        _announced = after;
        _announcedDocument = document;
        if (kinds.Count == 0)
        {
            return;
        }

        // A user who just left the session still hears of the change that took them out of it.
        var users = SessionRecord.UsersOf(after).Union(before is null ? [] : SessionRecord.UsersOf(before), StringComparer.OrdinalIgnoreCase).ToList();
        var accountId = after.AccountId!;
        var shard = GrainFactory.GetGrain<ISessionEventShardGrain>(SessionEventShards.Key(accountId, SessionEventShards.Of(GrainKey)));
        try
        {
            await shard.Publish(new SessionChange(accountId, GrainKey, kinds, document, users, after.Ended));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SessionLog.AnnounceFailed(logger, GrainKey, e);
        }
    }
}
