using System.Collections.Concurrent;

namespace Telephony.Runtime.Core;

/// <summary>The grain factory of one silo: proxies whose calls go through the silo's router.</summary>
internal sealed class GrainFactory(Silo silo) : IGrainFactory
{
    private readonly ConcurrentDictionary<Type, GrainBinding> _bindings = new();

    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey
    {
        var binding = _bindings.GetOrAdd(typeof(TGrain), static (type, s) => new GrainBinding(new SiloRouter(s), s.Registry.ForInterface(type)), silo);
        return GrainProxies<TGrain>.Create(binding, key);
    }

    /// <summary>Reads the silo's router at call time, so a test cluster can install its own after proxies exist.</summary>
    private sealed class SiloRouter(Silo silo) : IGrainRouter
    {
        public Activation Resolve(GrainClass grainClass, string key) => silo.Router.Resolve(grainClass, key);
    }
}
