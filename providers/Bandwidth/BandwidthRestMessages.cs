namespace Telephony.Providers.Bandwidth;

/// <summary>Body of <c>POST /accounts/{accountId}/calls</c>.</summary>
internal sealed record CreateCallRequest(
    string From,
    string To,
    string ApplicationId,
    string AnswerUrl,
    string DisconnectUrl,
    string Username,
    string Password,
    int CallTimeout,
    string Tag);

/// <summary>The part of a created call we read back.</summary>
internal sealed record CreateCallResponse(string? CallId, string? CallUrl);

/// <summary>Body of <c>POST /accounts/{accountId}/calls/{callId}</c>.</summary>
internal sealed record UpdateCallRequest(string State, string? RedirectUrl = null, string? Username = null, string? Password = null);

/// <summary>Body of <c>POST /accounts/{accountId}/conferences/{conferenceId}</c>.</summary>
internal sealed record UpdateConferenceRequest(string Status);

/// <summary>Body of <c>PUT /accounts/{accountId}/conferences/{conferenceId}/members/{callId}</c>; null fields stay unchanged.</summary>
internal sealed record UpdateConferenceMemberRequest(bool? Mute, bool? Hold);

/// <summary>Body of Messaging v2 <c>POST /users/{accountId}/messages</c>.</summary>
internal sealed record SendMessageRequest(string ApplicationId, IReadOnlyList<string> To, string From, string Text, string Tag);

/// <summary>Bandwidth's error body.</summary>
internal sealed record BandwidthError(string? Type, string? Description, string? Id);
