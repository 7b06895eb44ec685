using System.Text.Json;
using SQLitePCL;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>A routing catalog entry waiting for a batch, committed with the grain state writes queued with it; stored only over an older version.</summary>
internal sealed class PendingRoutingEntry(RoutingEntry entry, CancellationToken cancellationToken) : PendingCommit(cancellationToken)
{
    private const string UpsertSql = """
        INSERT INTO catalog_routing (workspace_sid, kind, sid, version, created, status, group_sid, priority, excluded_workers, document)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT (workspace_sid, kind, sid) DO UPDATE SET
            version = excluded.version, created = excluded.created, status = excluded.status, group_sid = excluded.group_sid,
            priority = excluded.priority, excluded_workers = excluded.excluded_workers, document = excluded.document
        WHERE excluded.version > catalog_routing.version
        """;

    private readonly byte[] _excluded = JsonSerializer.SerializeToUtf8Bytes(entry.ExcludedWorkerSids.ToArray(), CatalogJson.Default.StringArray);

    /// <inheritdoc />
    public override int PayloadBytes => entry.Document.Length + _excluded.Length;

    /// <inheritdoc />
    public override WriteOutcome Apply(SqliteStorageSession session, long updatedAt)
    {
        var upsert = session.Statement(UpsertSql);
        session.Check(raw.sqlite3_bind_text(upsert, 1, entry.WorkspaceSid));
        session.Check(raw.sqlite3_bind_text(upsert, 2, RoutingKindNames.Of(entry.Kind)));
        session.Check(raw.sqlite3_bind_text(upsert, 3, entry.Sid));
        session.Check(raw.sqlite3_bind_int64(upsert, 4, entry.Version));
        session.Check(raw.sqlite3_bind_int64(upsert, 5, entry.DateCreated.UtcTicks));
        session.Check(raw.sqlite3_bind_text(upsert, 6, entry.Status));
        session.Check(entry.GroupSid is { } group ? raw.sqlite3_bind_text(upsert, 7, group) : raw.sqlite3_bind_null(upsert, 7));
        session.Check(raw.sqlite3_bind_int(upsert, 8, entry.Priority));
        session.Check(raw.sqlite3_bind_text(upsert, 9, _excluded));
        session.Check(raw.sqlite3_bind_blob(upsert, 10, entry.Document));
        return session.Run(upsert) == 1 ? WriteOutcome.Success(entry.Version) : WriteOutcome.Conflict(null);
    }
}
