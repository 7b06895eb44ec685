using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Telephony.Testing;

/// <summary>Puts a <see cref="FaultyGrainStorage"/> around a silo's default grain storage.</summary>
public static class StorageFaults
{
    /// <summary>
    /// Replaces the default grain storage registration with one that wraps it in <paramref name="faulty"/>'s place;
    /// <paramref name="created"/> receives the wrapper once the silo builds it.
    /// </summary>
    public static IServiceCollection WrapDefaultGrainStorage(this IServiceCollection services, Action<FaultyGrainStorage> created)
    {
        var name = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;
        var original = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name));
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) =>
        {
            var inner = original.KeyedImplementationFactory is { } factory
                ? (IGrainStorage)factory(sp, key)
                : (IGrainStorage)(original.KeyedImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.KeyedImplementationType!));
            var faulty = new FaultyGrainStorage(inner);
            created(faulty);
            return faulty;
        });
        return services;
    }
}
