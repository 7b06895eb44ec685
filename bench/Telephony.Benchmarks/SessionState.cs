using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Benchmarks;

/// <summary>Sessions with the state a live chat typically holds: started, with console data and a queue state set.</summary>
internal static class SessionState
{
    private static readonly SessionCaller Agent = new("bench", "agent@example.com", IsAdmin: false);

    /// <summary>Starts <paramref name="session"/> as a chat with an agent and changes it twice, as a console would.</summary>
    public static async Task StartTypicalAsync(ISessionGrain session, string accountId)
    {
        var caller = Agent with { AccountId = accountId };
        var started = await session.Start(caller, new NewSession { Channel = FlowChannels.Chat, Destination = "customer@example.com" });
        if (!started.IsSuccess)
        {
            throw new InvalidOperationException($"The benchmark session did not start: {started.Error}");
        }

        await session.Patch(caller, new PatchSession { SessionId = started.Value!.Id, ConsoleData = """{"ticket":"T-1042","notes":"asked about billing"}""" });
        await session.Patch(caller, new PatchSession { SessionId = started.Value.Id, QueueState = SessionQueueStates.Connected });
    }
}
