using System.Text.Json;
using SQLitePCL;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>
/// A session catalog entry waiting for a batch: it commits in the same transaction as the grain state writes queued
/// with it. Stored only over an older version; the live users' rows follow the stored entry.
/// </summary>
internal sealed class PendingSessionEntry(SessionEntry entry, CancellationToken cancellationToken) : PendingCommit(cancellationToken)
{
    private const string UpsertSql = """
        INSERT INTO catalog_sessions (account_id, session_id, version, created, ended, channel, from_address, to_address, users, document)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT (account_id, session_id) DO UPDATE SET
            version = excluded.version, created = excluded.created, ended = excluded.ended, channel = excluded.channel,
            from_address = excluded.from_address, to_address = excluded.to_address, users = excluded.users, document = excluded.document
        WHERE excluded.version > catalog_sessions.version
        """;

    private const string ForgetUsersSql = "DELETE FROM catalog_live_session_users WHERE account_id = ?1 AND session_id = ?2";

    private const string AddUserSql = "INSERT OR IGNORE INTO catalog_live_session_users (account_id, session_id, user_id, created) VALUES (?1, ?2, ?3, ?4)";

    private readonly byte[] _users = JsonSerializer.SerializeToUtf8Bytes(entry.Users.ToArray(), CatalogJson.Default.StringArray);

    /// <inheritdoc />
    public override int PayloadBytes => entry.Document.Length + _users.Length;

    /// <inheritdoc />
    public override WriteOutcome Apply(SqliteStorageSession session, long updatedAt)
    {
        var upsert = session.Statement(UpsertSql);
        BindKey(session, upsert);
        session.Check(raw.sqlite3_bind_int64(upsert, 3, entry.Version));
        session.Check(raw.sqlite3_bind_int64(upsert, 4, entry.DateCreated.UtcTicks));
        session.Check(raw.sqlite3_bind_int(upsert, 5, entry.Ended ? 1 : 0));
        session.Check(raw.sqlite3_bind_text(upsert, 6, entry.Channel));
        session.Check(entry.FromAddress is null ? raw.sqlite3_bind_null(upsert, 7) : raw.sqlite3_bind_text(upsert, 7, entry.FromAddress));
        session.Check(entry.ToAddress is null ? raw.sqlite3_bind_null(upsert, 8) : raw.sqlite3_bind_text(upsert, 8, entry.ToAddress));
        session.Check(raw.sqlite3_bind_text(upsert, 9, _users));
        session.Check(raw.sqlite3_bind_blob(upsert, 10, entry.Document));
        if (session.Run(upsert) == 0)
        {
            return WriteOutcome.Conflict(null);
        }

        var forget = session.Statement(ForgetUsersSql);
        BindKey(session, forget);
        session.Run(forget);
        if (!entry.Ended)
        {
            var add = session.Statement(AddUserSql);
            foreach (var user in entry.Users.Select(CatalogText.AsciiLower).Distinct(StringComparer.Ordinal))
            {
                BindKey(session, add);
                session.Check(raw.sqlite3_bind_text(add, 3, user));
                session.Check(raw.sqlite3_bind_int64(add, 4, entry.DateCreated.UtcTicks));
                session.Run(add);
            }
        }

        return WriteOutcome.Success(entry.Version);
    }

    private void BindKey(SqliteStorageSession session, sqlite3_stmt statement)
    {
        session.Check(raw.sqlite3_bind_text(statement, 1, entry.AccountId));
        session.Check(raw.sqlite3_bind_text(statement, 2, entry.SessionId));
    }
}
