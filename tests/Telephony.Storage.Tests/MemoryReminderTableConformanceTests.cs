using Orleans;

namespace Telephony.Storage.Tests;

/// <summary>The reminder table contract against Orleans' in-memory reminder table: the reference the contract is checked by.</summary>
[Collection(MemoryProvidersCollection.Name)]
public sealed class MemoryReminderTableConformanceTests(MemoryProvidersSilo silo) : ReminderTableConformanceTests
{
    protected override Task<IReminderTable> OpenTableAsync() => Task.FromResult(silo.Reminders);
}
