using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Grains;
using Telephony.Runtime;

namespace Telephony.SiloHost;

/// <summary>Host wiring of a Telephony silo from configuration.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>Default SQLite file, relative to the working folder.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=telephony.db";

    /// <summary>
    /// Adds the grain runtime with the product's grains. <c>Telephony:Storage:Provider</c> is
    /// <c>Sqlite</c> (default) or <c>Memory</c>; <c>Telephony:Storage:ConnectionString</c> names the store;
    /// <c>Telephony:Silo</c> binds <see cref="SiloOptions"/>.
    /// </summary>
    public static IServiceCollection AddTelephonySilo(this IServiceCollection services, IConfiguration configuration, Action<GrainRuntimeBuilder>? configure = null)
    {
        var storage = configuration.GetSection("Telephony:Storage");
        var provider = storage["Provider"] ?? "Sqlite";
        var connectionString = storage["ConnectionString"];
        services.Configure<SiloOptions>(configuration.GetSection("Telephony:Silo"));
        services.AddGrainRuntime(builder =>
        {
            switch (provider.ToUpperInvariant())
            {
                case "SQLITE":
                    builder.UseSqliteStorage(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString);
                    break;
                case "MEMORY":
                    builder.UseMemoryStorage();
                    break;
                default:
                    throw new InvalidOperationException($"Telephony:Storage:Provider '{provider}' is not supported; use Sqlite or Memory.");
            }

            builder.AddTelephonyGrains(configuration);
            configure?.Invoke(builder);
        });
        return services;
    }
}
