using Orleans;

namespace Telephony.Storage.Tests;

/// <summary>The reminder table contract against Orleans' Azure Table reminder table on Azurite: the cluster's reminders.</summary>
[Collection(AzureProvidersCollection.Name)]
public sealed class AzureTableReminderTableConformanceTests(AzureProvidersSilo silo) : ReminderTableConformanceTests
{
    protected override Task<IReminderTable> OpenTableAsync() => Task.FromResult(silo.Reminders);

    /// <inheritdoc />
    protected override TimeSpan StartAtResolution => TimeSpan.FromMilliseconds(1);
}
