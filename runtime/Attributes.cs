namespace Telephony.Runtime;

/// <summary>Injects an <see cref="IPersistentState{TState}"/> into a grain constructor parameter, loaded before activation.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>Name of the state within the grain (one grain may hold several).</summary>
    public string StateName { get; } = stateName;

    /// <summary>Named storage provider; null means the silo's default storage.</summary>
    public string? StorageName { get; } = storageName;
}

/// <summary>Lets a grain type have several activations per key, used for stateless fan-out work.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StatelessWorkerAttribute(int maxLocalWorkers = 0) : Attribute
{
    /// <summary>Most activations per key on one silo; 0 means one per processor.</summary>
    public int MaxLocalWorkers { get; } = maxLocalWorkers;
}

/// <summary>
/// A call that comes back to this grain along the call chain it is waiting on runs at once
/// (interleaved) instead of failing as a deadlock.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowCallChainReentrancyAttribute : Attribute;

/// <summary>Names a grain class's type as stored; the default is the class name without a trailing "Grain".</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The stored type name.</summary>
    public string Name { get; } = name;
}

/// <summary>Links a grain interface to its generated proxy; written by the code generator.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class GrainProxyAttribute(Type grainInterface, Type proxy) : Attribute
{
    /// <summary>The grain interface.</summary>
    public Type GrainInterface { get; } = grainInterface;

    /// <summary>The generated proxy class implementing it.</summary>
    public Type Proxy { get; } = proxy;
}
