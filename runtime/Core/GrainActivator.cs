using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Runtime.State;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime.Core;

/// <summary>
/// Constructs grains: persistent states for parameters marked [PersistentState], the grain factory,
/// and services from the container for the rest.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, IGrainFactory grainFactory, JsonSerializerOptions json)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<GrainClass, Func<Activation, object>[]> _plans = new();

    public Grain Create(Activation activation)
    {
        var plan = _plans.GetOrAdd(activation.Class, BuildPlan);
        var arguments = new object[plan.Length];
        for (var i = 0; i < plan.Length; i++)
        {
            arguments[i] = plan[i](activation);
        }

        Grain grain;
        try
        {
            grain = (Grain)activation.Class.Constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        grain.Bind(activation, grainFactory, arguments.OfType<IGrainStateLoader>().ToArray());
        return grain;
    }

    public static async Task LoadStateAsync(Grain grain, CancellationToken cancellationToken)
    {
        foreach (var state in grain.States)
        {
            await state.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static object CreateState<TState>(Activation activation, string stateName, IGrainStorage storage, JsonSerializerOptions json)
        where TState : new()
    {
        // The options cache each contract; asking the resolver directly would rebuild it for every activation.
        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = json.GetTypeInfo(typeof(TState));
        }
        catch (NotSupportedException e)
        {
            throw new InvalidOperationException(
                $"No JSON contract for {typeof(TState).FullName}: add it to a JsonSerializerContext registered with AddJsonContext.", e);
        }

        return new PersistentState<TState>(activation, stateName, storage, (JsonTypeInfo<TState>)typeInfo);
    }

    private Func<Activation, object>[] BuildPlan(GrainClass grainClass) =>
        [.. grainClass.Constructor.GetParameters().Select(p => BuildArgument(grainClass, p))];

    private Func<Activation, object> BuildArgument(GrainClass grainClass, ParameterInfo parameter)
    {
        var stateAttribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (stateAttribute is not null)
        {
            var type = parameter.ParameterType;
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"{grainClass.Type.Name}: [PersistentState] parameter '{parameter.Name}' must be an IPersistentState<T>.");
            }

            var storage = stateAttribute.StorageName is null
                ? services.GetRequiredService<IGrainStorage>()
                : services.GetKeyedService<IGrainStorage>(stateAttribute.StorageName)
                    ?? throw new InvalidOperationException($"{grainClass.Type.Name}: no grain storage is registered under the name '{stateAttribute.StorageName}'.");
            var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .CreateDelegate<Func<Activation, string, IGrainStorage, JsonSerializerOptions, object>>();
            var stateName = stateAttribute.StateName;
            return activation => create(activation, stateName, storage, json);
        }

        if (parameter.ParameterType == typeof(IGrainFactory))
        {
            return _ => grainFactory;
        }

        var parameterType = parameter.ParameterType;
        return _ => services.GetRequiredService(parameterType);
    }
}
