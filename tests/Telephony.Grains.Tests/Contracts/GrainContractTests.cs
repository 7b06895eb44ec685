using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Telephony.GrainInterfaces.Calls;
using Telephony.Grains;
using Telephony.Providers;

namespace Telephony.Grains.Tests.Contracts;

/// <summary>
/// What crosses a grain call or is stored keeps working across renames and mixed versions: every grain interface and
/// method has a stable alias, every type they exchange and every stored state type has an Orleans serializer and an
/// alias, and every stored state type has a source-generated JSON contract in the storage serializer's options.
/// </summary>
public sealed class GrainContractTests
{
    private static readonly Assembly Interfaces = typeof(ICallGrain).Assembly;
    private static readonly Assembly GrainsAssembly = typeof(TelephonyGrains).Assembly;
    private static readonly Assembly Providers = typeof(ProviderException).Assembly;

    public static TheoryData<Type> GrainInterfaces() => [.. Interfaces.GetExportedTypes().Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))];

    public static TheoryData<Type> ExchangedTypes() => [.. Exchanged().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static TheoryData<Type> StoredTypes() => [.. Stored().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(GrainInterfaces))]
    public void Every_grain_interface_and_method_has_an_alias(Type grainInterface)
    {
        Assert.NotNull(grainInterface.GetCustomAttribute<AliasAttribute>());
        Assert.All(grainInterface.GetMethods(), method => Assert.True(
            method.GetCustomAttribute<AliasAttribute>() is not null,
            $"{grainInterface.Name}.{method.Name} has no [Alias]."));
    }

    [Theory]
    [MemberData(nameof(ExchangedTypes))]
    public void Every_type_a_grain_call_carries_has_an_alias_and_an_orleans_serializer(Type type) => AssertSerializable(type);

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void Every_stored_state_type_has_an_alias_an_orleans_serializer_and_a_generated_json_contract(Type type)
    {
        AssertSerializable(type);
        var options = StorageJsonOptions();
        Assert.True(
            options.TypeInfoResolver!.GetTypeInfo(type, options) is not null,
            $"{type.Name} is missing from the grains' state JsonSerializerContext.");
    }

    [Fact]
    public void The_found_types_include_the_known_messages_states_and_the_provider_error()
    {
        Assert.Contains(typeof(CallEvent), Exchanged());
        Assert.Contains(typeof(DialCommand), Exchanged());
        Assert.Contains(typeof(JoinConferenceInstruction), Exchanged());
        Assert.Contains(typeof(ProviderException), Exchanged());
        Assert.Contains(typeof(Telephony.Grains.Sessions.SessionState), Stored());
        Assert.Contains(typeof(Telephony.Grains.Calls.CallLegState), Stored());
        Assert.True(Stored().Count() >= 12, "every grain's stored state is found");
    }

    private static void AssertSerializable(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        Assert.True(definition.IsDefined(typeof(GenerateSerializerAttribute), inherit: false), $"{type.Name} has no [GenerateSerializer].");
        Assert.True(definition.IsDefined(typeof(AliasAttribute), inherit: false), $"{type.Name} has no [Alias].");
        Assert.True(Codecs.GetCodec(type) is not null, $"Orleans has no codec for {type.Name}.");
    }

    private static readonly ICodecProvider Codecs = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<ICodecProvider>();

    /// <summary>Parameter and result types of every grain method, the types they hold, every subtype of those, and the exceptions grains throw to each other.</summary>
    private static IEnumerable<Type> Exchanged()
    {
        var roots = Interfaces.GetExportedTypes()
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .SelectMany(i => i.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Append(typeof(ProviderException));
        return Closure(roots);
    }

    /// <summary>The state types of every grain's persistent state parameters and the types they hold.</summary>
    private static IEnumerable<Type> Stored()
    {
        var roots = GrainsAssembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Where(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null)
            .Select(p => p.ParameterType.GetGenericArguments()[0]);
        return Closure(roots).Where(t => t.Assembly == GrainsAssembly);
    }

    /// <summary>Our types reachable from <paramref name="roots"/> through generic arguments, serialized members and subtypes.</summary>
    private static HashSet<Type> Closure(IEnumerable<Type> roots)
    {
        var ours = new[] { Interfaces, GrainsAssembly, Providers };
        var found = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                {
                    pending.Enqueue(argument);
                }
            }

            if (type.IsArray)
            {
                pending.Enqueue(type.GetElementType()!);
            }

            if (!ours.Contains(type.Assembly) || type.IsEnum || type.IsInterface || !found.Add(type))
            {
                continue;
            }

            foreach (var member in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (member.GetCustomAttribute<IdAttribute>() is not null)
                {
                    pending.Enqueue(member.PropertyType);
                }
            }

            foreach (var subtype in ours.SelectMany(a => a.GetTypes()).Where(t => t != type && !t.IsGenericTypeDefinition && type.IsAssignableFrom(t)))
            {
                pending.Enqueue(subtype);
            }
        }

        return found;
    }

    private static JsonSerializerOptions StorageJsonOptions()
    {
        var services = new ServiceCollection();
        services.AddTelephonyGrains(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<IOptions<SystemTextJsonGrainStorageSerializerOptions>>().Value.JsonSerializerOptions;
    }
}
