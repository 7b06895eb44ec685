using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Telephony.Storage.Catalog;
using Telephony.Testing;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>The SQLite catalogs on a temporary file of their own, opened and closed as a silo does; the file goes when disposed.</summary>
internal sealed class SqliteCatalogFile : IDisposable
{
    private ServiceProvider? _services;

    /// <summary>The file.</summary>
    public TemporarySqliteFile File { get; } = new();

    /// <summary>Opens the catalogs on the file and answers the one of type <typeparamref name="T"/>.</summary>
    public async Task<T> OpenAsync<T>()
        where T : notnull
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSqliteCatalogs(options => options.ConnectionString = File.ConnectionString);
        _services = services.BuildServiceProvider();
        await _services.GetRequiredService<SqliteCatalogStore>().StartAsync(CancellationToken.None).Within();
        return _services.GetRequiredService<T>();
    }

    /// <summary>Closes the catalogs, as at a silo's shutdown; the file stays.</summary>
    public async Task CloseAsync()
    {
        if (_services is { } services)
        {
            _services = null;
            await services.GetRequiredService<SqliteCatalogStore>().StopAsync(CancellationToken.None).Within();
            await services.DisposeAsync();
        }
    }

    /// <summary>Asserts that SQLite answers <paramref name="sql"/> by searching an index: no full scan, no temporary sort.</summary>
    public void AssertSearchesAnIndexInOrder(string sql)
    {
        using var connection = SqliteFiles.Open(File.Path);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.All(steps, step => Assert.StartsWith("SEARCH", step, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public void Dispose() => File.Dispose();
}
