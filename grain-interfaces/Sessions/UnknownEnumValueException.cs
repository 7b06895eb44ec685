using System.Text.Json;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>A session enum field held a value that is not one of its names; the message lists the names.</summary>
/// <remarks>Its own type so that <see cref="SessionRequestErrors"/> can pass the message on to the client.</remarks>
internal sealed class UnknownEnumValueException(string message) : JsonException(message);
