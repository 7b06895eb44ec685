using Microsoft.Extensions.DependencyInjection;
using Telephony.Runtime.Tests.Grains;
using Telephony.Testing;

namespace Telephony.Runtime.Tests;

/// <summary>Starts test clusters with the test grains and a shared event log.</summary>
internal static class RuntimeFixture
{
    public static Task<TestCluster> StartAsync(
        GrainEventLog log,
        int silos = 1,
        ManualTimeProvider? time = null,
        Storage.IGrainStorage? storage = null,
        Reminders.IReminderTable? reminders = null,
        Action<SiloOptions>? options = null,
        PoolGate? gate = null) =>
        TestCluster.StartAsync(
            silos,
            builder =>
            {
                builder.AddGrains(typeof(RuntimeFixture).Assembly).AddJsonContext(TestJsonContext.Default);
                builder.Services.AddSingleton(log);
                builder.Services.AddSingleton(gate ?? new PoolGate());
                if (options is not null)
                {
                    builder.Configure(options);
                }
            },
            time,
            storage,
            reminders);
}
