namespace Telephony.Runtime;

/// <summary>Hands out proxies to grains; a proxy is cheap and can be created anywhere.</summary>
public interface IGrainFactory
{
    /// <summary>Returns a proxy for the grain of interface <typeparamref name="TGrain"/> with the given key.</summary>
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
