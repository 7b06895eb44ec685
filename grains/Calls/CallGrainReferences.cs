using Orleans.GrainReferences;
using Orleans.Metadata;
using Orleans.Runtime;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Grains.Sessions;

namespace Telephony.Grains.Calls;

/// <summary>
/// References to the grains every provider callback goes through: provider, conference, call leg and the leg's
/// session. Orleans'
/// <c>GetGrain</c> works out the interface's type name from its attributes on every call, a reflection scan that
/// allocates; on the callback path that cost a few percent of the webhook's CPU, so it is worked out once here.
/// </summary>
public sealed class CallGrainReferences
{
    private readonly GrainReferenceActivator _references;
    private readonly GrainInterfaceType _callInterface;
    private readonly GrainInterfaceType _conferenceInterface;
    private readonly GrainInterfaceType _sessionInterface;
    private readonly IProviderGrain[] _providers;

    /// <summary>Resolves the interfaces' type names once.</summary>
    public CallGrainReferences(GrainReferenceActivator references, GrainInterfaceTypeResolver interfaces)
    {
        _references = references;
        _callInterface = interfaces.GetGrainInterfaceType(typeof(ICallGrain));
        _conferenceInterface = interfaces.GetGrainInterfaceType(typeof(IConferenceGrain));
        _sessionInterface = interfaces.GetGrainInterfaceType(typeof(ISessionGrain));
        var providerInterface = interfaces.GetGrainInterfaceType(typeof(IProviderGrain));
        _providers = [.. Enum.GetValues<ProviderKind>().Select(kind =>
            (IProviderGrain)references.CreateReference(GrainId.Create(ProviderGrain.GrainTypeName, CallKeys.Provider(kind)), providerInterface))];
    }

    /// <summary>The provider grain of <paramref name="provider"/>.</summary>
    public IProviderGrain Provider(ProviderKind provider) => _providers[(int)provider];

    /// <summary>The grain of a provider's call leg.</summary>
    public ICallGrain Call(ProviderKind provider, string providerCallId) =>
        (ICallGrain)_references.CreateReference(GrainId.Create(CallGrain.GrainTypeName, CallKeys.Call(provider, providerCallId)), _callInterface);

    /// <summary>The grain of a session, which a leg reports its changes to.</summary>
    public ISessionGrain Session(string sessionId) =>
        (ISessionGrain)_references.CreateReference(GrainId.Create(SessionGrain.GrainTypeName, sessionId), _sessionInterface);

    /// <summary>The grain of an account's provider conference.</summary>
    public IConferenceGrain Conference(ProviderKind provider, string accountId, string conferenceName) =>
        (IConferenceGrain)_references.CreateReference(GrainId.Create(ConferenceGrain.GrainTypeName, CallKeys.Conference(provider, accountId, conferenceName)), _conferenceInterface);
}
