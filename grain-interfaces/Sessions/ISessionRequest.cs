namespace Telephony.GrainInterfaces.Sessions;

/// <summary>
/// A session API request that checks its own fields. Endpoints copy route values in first
/// (<c>request with { SessionId = sessionId }</c>: the route wins over the body, as in Evo Voice).
/// </summary>
public interface ISessionRequest
{
    /// <summary>
    /// Errors by field name as sent on the wire (camelCase), each with its messages; empty when the
    /// request is valid. Suitable for <c>Results.ValidationProblem</c>.
    /// </summary>
    IReadOnlyDictionary<string, string[]> Validate();
}
