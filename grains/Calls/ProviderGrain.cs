using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using Polly;
using Polly.Retry;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers;
using Telephony.Providers.Accounts;

namespace Telephony.Grains.Calls;

/// <summary>
/// The provider abstraction (key: provider name). Inbound, it hands each normalized callback to the
/// conference and call leg grains it concerns; outbound, it runs commands through the account's
/// adapter, retrying transient failures only of commands that are safe to repeat. A stateless worker on every
/// silo, and reentrant because it holds no state: a command waiting on a provider never holds up another.
/// </summary>
[GrainType(GrainTypeName)]
[StatelessWorker]
[Reentrant]
public sealed class ProviderGrain : Grain, IProviderGrain
{
    /// <summary>The grain type; the key is the provider's name.</summary>
    public const string GrainTypeName = "provider";

    private readonly CallProviderCatalog _catalog;
    private readonly CallGrainReferences _grains;
    private readonly ILogger<ProviderGrain> _logger;
    private readonly ResiliencePipeline _retry;

    /// <summary>Builds the retry pipeline from <paramref name="options"/> on <paramref name="time"/>.</summary>
    public ProviderGrain(CallProviderCatalog catalog, CallGrainReferences grains, IOptions<ProviderOptions> options, TimeProvider time, ILogger<ProviderGrain> logger)
    {
        _catalog = catalog;
        _grains = grains;
        _logger = logger;
        var settings = options.Value;
        _retry = settings.RetryAttempts <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<ProviderException>(e => e.IsTransient),
                    MaxRetryAttempts = settings.RetryAttempts,
                    Delay = settings.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = args =>
                    {
                        CallLog.RetryingCommand(_logger, args.Outcome.Exception, args.AttemptNumber + 1);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CallInstruction>> Dispatch(CallEvent callEvent)
    {
        if (callEvent.ConferenceName is { } conferenceName && IsConferenceEvent(callEvent.Type))
        {
            await _grains.Conference(callEvent.Provider, callEvent.AccountId, conferenceName).Apply(callEvent);
        }

        return callEvent.ProviderCallId is { } callId
            ? await _grains.Call(callEvent.Provider, callId).Apply(callEvent)
            : [];
    }

    /// <inheritdoc />
    public async Task<CommandResult> Execute(string accountId, CallCommand command)
    {
        var provider = _catalog.For(accountId);
        var pipeline = command.IsIdempotent ? _retry : ResiliencePipeline.Empty;
        CallLog.RunningCommand(_logger, command.GetType().Name, command.CommandId, accountId, provider.Kind);
        return await pipeline.ExecuteAsync(static async (state, ct) => await state.provider.ExecuteAsync(state.command, ct), (provider, command), CancellationToken.None);
    }

    private static bool IsConferenceEvent(CallEventType type) => type is CallEventType.ConferenceCreated
        or CallEventType.ConferenceCompleted
        or CallEventType.ConferenceMemberJoined
        or CallEventType.ConferenceMemberLeft;
}
