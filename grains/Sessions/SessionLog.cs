using Microsoft.Extensions.Logging;

namespace Telephony.Grains.Sessions;

/// <summary>Log messages of the session grains.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Session {SessionId}: provider refused command {CommandId}")]
    public static partial void CommandRefused(ILogger logger, Exception exception, string sessionId, string commandId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Session {SessionId}: resending command {CommandId} after a restart failed")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, string sessionId, string commandId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Session {SessionId}: hanging up {CallId} was refused ({Refusal}); the leg is gone")]
    public static partial void HangupRefused(ILogger logger, string sessionId, string callId, string refusal);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Session {SessionId}: update for call {CallId}, which is not one of its legs, ignored")]
    public static partial void UnknownLeg(ILogger logger, string sessionId, string callId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Session {SessionId}: its change could not be published to the live session streams, which miss it")]
    public static partial void AnnounceFailed(ILogger logger, string sessionId, Exception exception);
}
