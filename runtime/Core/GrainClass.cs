using System.Reflection;

namespace Telephony.Runtime.Core;

/// <summary>What the runtime knows about a grain class: its stored name, placement and reentrancy.</summary>
internal sealed class GrainClass
{
    public GrainClass(Type type)
    {
        Type = type;
        Name = type.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultName(type);
        var worker = type.GetCustomAttribute<StatelessWorkerAttribute>();
        IsStatelessWorker = worker is not null;
        MaxLocalWorkers = worker is null ? 1 : worker.MaxLocalWorkers > 0 ? worker.MaxLocalWorkers : Environment.ProcessorCount;
        AllowCallChainReentrancy = type.IsDefined(typeof(AllowCallChainReentrancyAttribute), inherit: true);
        IsRemindable = typeof(IRemindable).IsAssignableFrom(type);
        var constructors = type.GetConstructors();
        Constructor = constructors.Length == 1
            ? constructors[0]
            : throw new InvalidOperationException($"Grain class {type.FullName} must have exactly one public constructor.");
    }

    public Type Type { get; }

    /// <summary>The grain type as stored and shown in grain ids.</summary>
    public string Name { get; }

    public bool IsStatelessWorker { get; }

    public int MaxLocalWorkers { get; }

    public bool AllowCallChainReentrancy { get; }

    public bool IsRemindable { get; }

    public ConstructorInfo Constructor { get; }

    private static string DefaultName(Type type)
    {
        var name = type.Name;
        return name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > 5 ? name[..^5] : name;
    }
}
