using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telephony.Catalog;

namespace Telephony.Storage.Catalog;

/// <summary>
/// The session catalog in the silo's SQLite file (see <see cref="SqliteCatalogStore"/> for how it writes and reads).
/// Every list runs on an index in list order and stops at the page's end: see <c>SqliteSchema</c> for the tables.
/// </summary>
internal sealed class SqliteSessionCatalog(SqliteCatalogStore store) : ISessionCatalog
{
    private const string Columns = "account_id, session_id, version, created, ended, channel, from_address, to_address, users, document";
    private const string JoinedColumns = "s.account_id, s.session_id, s.version, s.created, s.ended, s.channel, s.from_address, s.to_address, s.users, s.document";

    /// <inheritdoc />
    public Task<bool> SaveAsync(SessionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return store.CommitAsync(new PendingSessionEntry(entry, cancellationToken));
    }

    /// <inheritdoc />
    public Task<CatalogPage<SessionEntry>> FindAsync(string accountId, SessionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var sql = new StringBuilder($"SELECT {Columns} FROM catalog_sessions WHERE account_id = $account");
        var parameters = new List<SqliteParameter> { new("$account", accountId) };
        AddFilter(sql, parameters, filter);
        return Task.FromResult(store.ReadPage(sql, parameters, page, "", "session_id", ReadEntry, static e => e.Position, cancellationToken));
    }

    /// <inheritdoc />
    public Task<int> CountAsync(string accountId, SessionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder("SELECT count(*) FROM catalog_sessions WHERE account_id = $account");
        var parameters = new List<SqliteParameter> { new("$account", accountId) };
        AddFilter(sql, parameters, filter);
        return Task.FromResult(store.Read(connection =>
        {
            using var command = SqliteCatalogStore.Command(connection, sql.ToString(), parameters);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }, cancellationToken));
    }

    /// <inheritdoc />
    public Task<CatalogPage<SessionEntry>> FindLiveAsync(string accountId, string? userId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Validate();
        var parameters = new List<SqliteParameter> { new("$account", accountId) };
        if (userId is null)
        {
            // The literal "ended = 0" is what lets SQLite use the partial index of live sessions.
            return Task.FromResult(store.ReadPage(new StringBuilder($"SELECT {Columns} FROM catalog_sessions WHERE account_id = $account AND ended = 0"), parameters, page, "", "session_id", ReadEntry, static e => e.Position, cancellationToken));
        }

        parameters.Add(new SqliteParameter("$user", CatalogText.AsciiLower(userId)));
        var sql = new StringBuilder($"""
            SELECT {JoinedColumns} FROM catalog_live_session_users u
            JOIN catalog_sessions s ON s.account_id = u.account_id AND s.session_id = u.session_id
            WHERE u.account_id = $account AND u.user_id = $user
            """);
        return Task.FromResult(store.ReadPage(sql, parameters, page, "u.", "session_id", ReadEntry, static e => e.Position, cancellationToken));
    }

    /// <summary>
    /// Adds <paramref name="filter"/> to a query. Ended is written as a literal so the partial index of live sessions
    /// applies; address filters match ASCII-lowered text anywhere in the address.
    /// </summary>
    private static void AddFilter(StringBuilder sql, List<SqliteParameter> parameters, SessionFilter filter)
    {
        if (filter.Ended is { } ended)
        {
            sql.Append(ended ? " AND ended = 1" : " AND ended = 0");
        }

        if (filter.Channel is { } channel)
        {
            sql.Append(" AND channel = $channel");
            parameters.Add(new SqliteParameter("$channel", channel));
        }

        if (!string.IsNullOrEmpty(filter.FromContains))
        {
            sql.Append(" AND instr(lower(from_address), $from) > 0");
            parameters.Add(new SqliteParameter("$from", CatalogText.AsciiLower(filter.FromContains)));
        }

        if (!string.IsNullOrEmpty(filter.ToContains))
        {
            sql.Append(" AND instr(lower(to_address), $to) > 0");
            parameters.Add(new SqliteParameter("$to", CatalogText.AsciiLower(filter.ToContains)));
        }

        if (filter.CreatedFrom is { } from)
        {
            sql.Append(" AND created >= $createdFrom");
            parameters.Add(new SqliteParameter("$createdFrom", from.UtcTicks));
        }

        if (filter.CreatedBefore is { } before)
        {
            sql.Append(" AND created < $createdBefore");
            parameters.Add(new SqliteParameter("$createdBefore", before.UtcTicks));
        }
    }

    private static SessionEntry ReadEntry(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetInt64(2),
            new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
            reader.GetInt64(4) != 0,
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            JsonSerializer.Deserialize(reader.GetString(8), CatalogJson.Default.StringArray) ?? [],
            (byte[])reader.GetValue(9));
}
