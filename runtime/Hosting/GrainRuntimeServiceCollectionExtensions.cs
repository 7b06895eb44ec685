using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telephony.Runtime.Core;
using Telephony.Runtime.Reminders;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime;

/// <summary>Adds the grain runtime (one silo) to a host.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds a silo, its grain factory and a hosted service that starts and stops it with the host.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeBuilder> configure)
    {
        var builder = new GrainRuntimeBuilder(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SiloOptions>();
        builder.UseMemoryStorage();
        configure(builder);

        var assemblies = builder.Assemblies.ToArray();
        var resolvers = builder.JsonResolvers.ToArray();
        services.AddSingleton(sp => new Silo(
            sp.GetRequiredService<IOptions<SiloOptions>>().Value,
            sp,
            new GrainTypeRegistry(assemblies),
            sp.GetRequiredService<IGrainStorage>(),
            sp.GetRequiredService<IReminderTable>(),
            StateJsonOptions(resolvers),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => sp.GetRequiredService<Silo>().GrainFactory);
        services.AddHostedService<SiloHostedService>();
        return services;
    }

    /// <summary>
    /// Grain state is written on every change, so its JSON is kept small: absent (null) values are left out, which
    /// reads back the same because no state property defaults to anything but null, and nothing is escaped for HTML,
    /// since stored state is never embedded in a page (a phone number's '+' stays one byte).
    /// </summary>
    private static JsonSerializerOptions StateJsonOptions(IJsonTypeInfoResolver[] resolvers) => new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed class SiloHostedService(Silo silo) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => silo.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => silo.StopAsync(cancellationToken);
    }
}
