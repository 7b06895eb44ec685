namespace Telephony.GrainInterfaces.Calls;

/// <summary>How call, conference and provider grains are keyed.</summary>
public static class CallKeys
{
    /// <summary>The key of the provider grain for <paramref name="provider"/>.</summary>
    public static string Provider(ProviderKind provider) => provider.ToString().ToLowerInvariant();

    /// <summary>The key of the grain owning a provider call leg.</summary>
    public static string Call(ProviderKind provider, string providerCallId) => $"{Provider(provider)}:{providerCallId}";

    /// <summary>The key of the grain owning a conference; names are ours and unique per account.</summary>
    public static string Conference(ProviderKind provider, string accountId, string conferenceName) => $"{Provider(provider)}:{accountId}:{conferenceName}";

    /// <summary>The conference every voice leg of a session is in (callers wait there hearing hold audio).</summary>
    public static string ConferenceOfSession(string sessionId) => $"session-{sessionId}";

    /// <summary>The conference a call leg waits in when nothing else claims it.</summary>
    public static string ConferenceOfCall(string providerCallId) => $"call-{providerCallId}";
}
