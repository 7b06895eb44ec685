using System.Text.Json.Serialization;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>The medium a session runs on.</summary>
[JsonConverter(typeof(SessionEnumConverter<FlowChannels>))]
public enum FlowChannels
{
    /// <summary>A phone call.</summary>
    Voice,

    /// <summary>A text chat (SMS or in-app).</summary>
    Chat,

    /// <summary>A fax.</summary>
    Fax,
}
