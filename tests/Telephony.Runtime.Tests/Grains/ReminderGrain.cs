using Telephony.Runtime;

namespace Telephony.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Schedule(string name, TimeSpan dueTime, TimeSpan period);

    Task Cancel(string name);

    Task<bool> Has(string name);

    Task<IReadOnlyList<string>> Ticks();
}

public sealed class ReminderState
{
    public List<string> Ticks { get; set; } = [];
}

/// <summary>Keeps every reminder tick it receives in its persistent state.</summary>
public sealed class ReminderGrain([PersistentState("reminders")] IPersistentState<ReminderState> state, GrainEventLog log) : Grain, IReminderGrain, IRemindable
{
    public async Task Schedule(string name, TimeSpan dueTime, TimeSpan period) => await RegisterOrUpdateReminder(name, dueTime, period);

    public async Task Cancel(string name)
    {
        var reminder = await GetReminder(name) ?? throw new InvalidOperationException($"no reminder {name}");
        await UnregisterReminder(reminder);
    }

    public async Task<bool> Has(string name) => await GetReminder(name) is not null;

    public Task<IReadOnlyList<string>> Ticks() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Ticks]);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks.Add($"{reminderName}@{status.CurrentTickTime:HH:mm:ss}");
        await state.WriteStateAsync();
        log.Record(GrainKey, $"tick:{reminderName}");
    }
}
