using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>
/// One provider conference: whether it runs and which legs are in it. Each event applies once; a
/// conference never comes back from completed, and a late join never re-adds a leg that left. A conference leaves
/// memory when it completes.
/// </summary>
[GrainType(GrainTypeName)]
public sealed class ConferenceGrain([PersistentState("conference")] IPersistentState<ConferenceState> state, ILogger<ConferenceGrain> logger) : Grain, IConferenceGrain
{
    /// <summary>The grain type: the stored grain id of a conference is <c>conference/{provider}:{accountId}:{name}</c>.</summary>
    public const string GrainTypeName = "conference";

    private string GrainKey => field ??= this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task Apply(CallEvent callEvent)
    {
        var completed = state.State.Conference.Status == ConferenceStatus.Completed;
        if (state.State.Seen.Remember(callEvent.EventId, callEvent.ConferenceId ?? string.Empty))
        {
            await ApplyNewAsync(callEvent);
        }
        else
        {
            CallLog.DuplicateIgnored(logger, callEvent.Type, callEvent.EventId, GrainKey);
        }

        if (!completed && state.State.Conference.Status == ConferenceStatus.Completed)
        {
            // A completed conference never changes again and its state is stored: it need not stay in memory. Only the
            // turn that completes it asks, so callbacks queued behind that turn are taken by the next activation.
            DeactivateOnIdle();
        }
    }

    /// <inheritdoc />
    public Task<Conference> Get() => Task.FromResult(state.State.Conference);

    /// <summary>Applies an event seen for the first time unless it is stale, and stores it.</summary>
    private async Task ApplyNewAsync(CallEvent callEvent)
    {
        var before = state.State.Conference;
        if (Advance(before, callEvent) is { } after)
        {
            state.State.Conference = after with
            {
                Name = callEvent.ConferenceName ?? before.Name,
                ConferenceId = callEvent.ConferenceId ?? before.ConferenceId,
                History = [.. before.History, callEvent.Type],
            };
        }
        else
        {
            CallLog.StaleIgnored(logger, callEvent.Type, callEvent.EventId, GrainKey);
        }

        await state.WriteStateAsync();
    }

    private Conference? Advance(Conference conference, CallEvent callEvent)
    {
        switch (callEvent.Type)
        {
            case CallEventType.ConferenceCreated:
                return conference.Status == ConferenceStatus.None ? conference with { Status = ConferenceStatus.Created } : null;
            case CallEventType.ConferenceCompleted:
                return conference.Status != ConferenceStatus.Completed ? conference with { Status = ConferenceStatus.Completed, Members = [] } : null;
            case CallEventType.ConferenceMemberJoined or CallEventType.ConferenceMemberLeft when callEvent.ProviderCallId is { } callId:
                var marks = state.State.LastMembershipChange;
                if (marks.TryGetValue(callId, out var last) && !last.IsBefore(callEvent))
                {
                    return null;
                }

                marks[callId] = EventOrder.Of(callEvent);
                var members = conference.Members.Where(m => m != callId);
                return conference with
                {
                    Members = callEvent.Type == CallEventType.ConferenceMemberJoined ? [.. members, callId] : [.. members],
                };
            default:
                return conference;
        }
    }
}
