namespace Telephony.Catalog;

/// <summary>A session as the catalog keeps it: what lists filter and order on, and the session document they answer with.</summary>
/// <param name="AccountId">The account it belongs to.</param>
/// <param name="SessionId">The session.</param>
/// <param name="Version">The session's stored version; a newer one replaces an older, never the other way.</param>
/// <param name="DateCreated">When it started; lists run newest first.</param>
/// <param name="Ended">Whether it is over; a live session is one that is not.</param>
/// <param name="Channel">Its channel's name (<c>Voice</c>, <c>Chat</c>).</param>
/// <param name="FromAddress">Calling address.</param>
/// <param name="ToAddress">Called address.</param>
/// <param name="Users">User ids it belongs to (its creator and members who are users), compared without case.</param>
/// <param name="Document">The session as the API shows it (UTF-8 JSON), stored and returned as is.</param>
public sealed record SessionEntry(
    string AccountId,
    string SessionId,
    long Version,
    DateTimeOffset DateCreated,
    bool Ended,
    string Channel,
    string? FromAddress,
    string? ToAddress,
    IReadOnlyList<string> Users,
    byte[] Document)
{
    /// <summary>Where it stands in a list's order.</summary>
    public CatalogPosition Position => new(DateCreated.UtcTicks, SessionId);
}
