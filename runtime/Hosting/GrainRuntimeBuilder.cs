using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telephony.Runtime.Reminders;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime;

/// <summary>Configures the grain runtime: grain assemblies, JSON contracts of grain state, storage and options.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services)
{
    internal List<Assembly> Assemblies { get; } = [];

    internal List<IJsonTypeInfoResolver> JsonResolvers { get; } = [];

    /// <summary>The service collection the runtime is added to.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Registers every grain class in <paramref name="assembly"/>.</summary>
    public GrainRuntimeBuilder AddGrains(Assembly assembly)
    {
        Assemblies.Add(assembly);
        return this;
    }

    /// <summary>Adds a source-generated JSON context that knows grain state types.</summary>
    public GrainRuntimeBuilder AddJsonContext(IJsonTypeInfoResolver resolver)
    {
        JsonResolvers.Add(resolver);
        return this;
    }

    /// <summary>Keeps grain state and reminders in memory (tests).</summary>
    public GrainRuntimeBuilder UseMemoryStorage()
    {
        Services.RemoveAll<IGrainStorage>();
        Services.RemoveAll<IReminderTable>();
        Services.AddSingleton<IGrainStorage, MemoryGrainStorage>();
        Services.AddSingleton<IReminderTable, MemoryReminderTable>();
        return this;
    }

    /// <summary>Keeps grain state and reminders in one SQLite file (WAL).</summary>
    public GrainRuntimeBuilder UseSqliteStorage(string connectionString)
    {
        Services.RemoveAll<IGrainStorage>();
        Services.RemoveAll<IReminderTable>();
        Services.AddSingleton(_ => new SqliteDatabase(connectionString));
        Services.AddSingleton<IGrainStorage>(sp => new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>()));
        return this;
    }

    /// <summary>Changes silo options.</summary>
    public GrainRuntimeBuilder Configure(Action<SiloOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
