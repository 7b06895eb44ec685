using Microsoft.Data.Sqlite;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime.Reminders;

/// <summary>Reminder table in the silo's SQLite file.</summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "grain_type, grain_id, name, due_at, period_ms, version";

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => database.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderEntry> UpsertAsync(GrainId grain, string name, DateTimeOffset dueAt, TimeSpan period, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"""
            INSERT INTO reminders ({Columns}) VALUES ($type, $id, $name, $due, $period, 1)
            ON CONFLICT (grain_type, grain_id, name) DO UPDATE
            SET due_at = excluded.due_at, period_ms = excluded.period_ms, version = reminders.version + 1
            RETURNING {Columns}
            """,
            c =>
            {
                AddKey(c, grain, name);
                c.Parameters.AddWithValue("$due", dueAt.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$period", (long)period.TotalMilliseconds);
            },
            cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadAsync(GrainId grain, string name, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $type AND grain_id = $id AND name = $name",
            c => AddKey(c, grain, name),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(GrainId grain, string name, long? version, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"""
            DELETE FROM reminders WHERE grain_type = $type AND grain_id = $id AND name = $name
            AND ($version IS NULL OR version = $version) RETURNING {Columns}
            """,
            c =>
            {
                AddKey(c, grain, name);
                c.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE due_at <= $now ORDER BY due_at LIMIT $limit",
            c =>
            {
                c.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$limit", limit);
            },
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<ReminderEntry?> TryRescheduleAsync(ReminderEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"""
            UPDATE reminders SET due_at = $due, version = version + 1
            WHERE grain_type = $type AND grain_id = $id AND name = $name AND version = $version
            RETURNING {Columns}
            """,
            c =>
            {
                AddKey(c, entry.Grain, entry.Name);
                c.Parameters.AddWithValue("$due", dueAt.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$version", entry.Version);
            },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static void AddKey(SqliteCommand command, GrainId grain, string name)
    {
        command.Parameters.AddWithValue("$type", grain.Type);
        command.Parameters.AddWithValue("$id", grain.Key);
        command.Parameters.AddWithValue("$name", name);
    }

    private async Task<List<ReminderEntry>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                reader.GetInt64(5)));
        }

        return rows;
    }
}
