using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Grains.Calls;

/// <summary>Log messages of the call, conference and provider grains; generated, so a disabled level costs no allocation on the callback path.</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Duplicate {EventType} {EventId} for {Owner} ignored")]
    public static partial void DuplicateIgnored(ILogger logger, CallEventType eventType, string eventId, string owner);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Stale {EventType} {EventId} for {Owner} ignored")]
    public static partial void StaleIgnored(ILogger logger, CallEventType eventType, string eventId, string owner);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Call {CallId} belongs to session {SessionId}; attaching it to {OtherSessionId} refused")]
    public static partial void AttachRefused(ILogger logger, string callId, string sessionId, string otherSessionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Running {Command} {CommandId} for account {AccountId} on {Provider}")]
    public static partial void RunningCommand(ILogger logger, string command, string commandId, string accountId, ProviderKind provider);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Retrying provider command (attempt {Attempt})")]
    public static partial void RetryingCommand(ILogger logger, Exception? exception, int attempt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "{EventType} from account {AccountId} for {Owner} of account {OwnerAccountId} ignored")]
    public static partial void ForeignAccountIgnored(ILogger logger, CallEventType eventType, string accountId, string owner, string ownerAccountId);
}
