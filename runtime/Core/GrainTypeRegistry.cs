using System.Reflection;

namespace Telephony.Runtime.Core;

/// <summary>Maps grain interfaces and stored type names to grain classes found in registered assemblies.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClass> _byInterface = [];
    private readonly Dictionary<string, GrainClass> _byName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !type.IsClass || !typeof(Grain).IsAssignableFrom(type))
            {
                continue;
            }

            var grainClass = new GrainClass(type);
            if (!_byName.TryAdd(grainClass.Name, grainClass))
            {
                throw new InvalidOperationException($"Grain classes {_byName[grainClass.Name].Type.FullName} and {type.FullName} share the type name '{grainClass.Name}'.");
            }

            foreach (var grainInterface in type.GetInterfaces().Where(i => typeof(IGrainWithStringKey).IsAssignableFrom(i) && i != typeof(IGrainWithStringKey)))
            {
                if (!_byInterface.TryAdd(grainInterface, grainClass))
                {
                    throw new InvalidOperationException($"Grain interface {grainInterface.FullName} is implemented by both {_byInterface[grainInterface].Type.FullName} and {type.FullName}.");
                }
            }
        }
    }

    public IEnumerable<GrainClass> Classes => _byName.Values;

    public GrainClass ForInterface(Type grainInterface) =>
        _byInterface.TryGetValue(grainInterface, out var grainClass)
            ? grainClass
            : throw new InvalidOperationException($"No grain class implements {grainInterface.FullName}; register its assembly with AddGrains.");

    public GrainClass? ForName(string name) => _byName.GetValueOrDefault(name);
}
