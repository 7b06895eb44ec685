using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Telephony.GrainInterfaces.Health;

namespace Telephony.Grains.Health;

/// <summary>Reads a record that is never written: any provider answers that without touching grain state.</summary>
[StatelessWorker]
internal sealed partial class StoreProbeGrain(IServiceProvider services, ILogger<StoreProbeGrain> logger) : Grain, IStoreProbeGrain
{
    private static readonly GrainId Probe = GrainId.Create("health", "probe");

    public async Task<bool> StoreAnswers()
    {
        try
        {
            var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
            await storage.ReadStateAsync("health", Probe, new GrainState<ProbeRecord?>());
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStoreSilent(logger, e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The grain store did not answer the readiness probe")]
    private static partial void LogStoreSilent(ILogger logger, Exception exception);

    /// <summary>The type of the record that is never written.</summary>
    private sealed record ProbeRecord;
}
