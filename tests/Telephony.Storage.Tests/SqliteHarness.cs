using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

using Telephony.Testing;

namespace Telephony.Storage.Tests;

/// <summary>
/// The SQLite providers built from a service collection through the public registration, as a silo would, and started
/// by hand: a silo per test would cost seconds, a service provider costs milliseconds.
/// </summary>
internal sealed class SqliteHarness : IAsyncDisposable
{
    public const string ProviderName = "conformance";

    private readonly ServiceProvider _services;

    private SqliteHarness(ServiceProvider services)
    {
        _services = services;
    }

    public IServiceProvider Services => _services;

    public SqliteGrainStorage Storage => (SqliteGrainStorage)_services.GetRequiredKeyedService<IGrainStorage>(ProviderName);

    public SqliteReminderTable Reminders => _services.GetRequiredService<SqliteReminderTable>();

    /// <summary>The database the grain storage opened.</summary>
    public SqliteDatabase Database => Storage.Database ?? throw new InvalidOperationException("The grain storage is not started.");

    /// <summary>Builds the grain storage and the reminder table on <paramref name="connectionString"/>; starts the storage unless told not to.</summary>
    public static async Task<SqliteHarness> StartAsync(string connectionString, Action<SqliteStorageOptions>? configure = null, bool start = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();

        // The silo's activator provider creates default states; the product stores state as System.Text.Json.
        services.AddSerializer();
        services.AddSingleton<IGrainStorageSerializer>(new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions())));
        services.AddSqliteGrainStorage(ProviderName, options =>
        {
            options.ConnectionString = connectionString;
            configure?.Invoke(options);
        });
        services.UseSqliteReminderService(options => options.ConnectionString = connectionString);
        var harness = new SqliteHarness(services.BuildServiceProvider());
        if (start)
        {
            try
            {
                await harness.Storage.StartAsync(CancellationToken.None).Within();
                await harness.Reminders.StartAsync(CancellationToken.None).Within();
            }
            catch
            {
                await harness.DisposeAsync();
                throw;
            }
        }

        return harness;
    }

    /// <summary>Stops the providers as a silo shutdown would, then lets go of the file.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Storage.StopAsync(CancellationToken.None).Within();
            await Reminders.StopAsync(CancellationToken.None).Within();
        }
        finally
        {
            await _services.DisposeAsync();
        }
    }
}
