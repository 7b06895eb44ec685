namespace Telephony.Api.Sessions;

/// <summary>The data of a <c>sessions.active</c> event: the sessions that became live or ended.</summary>
/// <param name="Added">Sessions that started.</param>
/// <param name="Removed">Sessions that ended.</param>
public sealed record ActiveSessionsChange(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>The data of a <c>stream.reset</c> event: events were lost; read the sessions again.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Sessions">Where to read them: the live sessions.</param>
public sealed record SessionStreamReset(string Reason, string Sessions);

/// <summary>The data of a <c>stream.ready</c> event: the stream is live from its <c>id</c> on.</summary>
/// <param name="UserId">The user the stream is filtered to, if any.</param>
public sealed record SessionStreamReady(string? UserId);
