namespace Telephony.Catalog;

/// <summary>A routing task as the catalog keeps it: what lists and the router filter on, and the task document lists answer with.</summary>
/// <param name="WorkspaceSid">The workspace it belongs to.</param>
/// <param name="TaskSid">The task.</param>
/// <param name="Version">The task's version; a newer one replaces an older, never the other way.</param>
/// <param name="DateCreated">When it was created; lists run newest first.</param>
/// <param name="Status">Its assignment status (<c>pending</c>, <c>reserved</c>, …).</param>
/// <param name="QueueSid">Its task queue.</param>
/// <param name="Priority">Its priority; the router offers higher first.</param>
/// <param name="ExcludedWorkerSids">Workers that rejected it or let it time out, whom the router passes over.</param>
/// <param name="Document">The task as the API shows it (UTF-8 JSON), stored and returned as is.</param>
public sealed record TaskEntry(
    string WorkspaceSid,
    string TaskSid,
    long Version,
    DateTimeOffset DateCreated,
    string Status,
    string QueueSid,
    int Priority,
    IReadOnlyList<string> ExcludedWorkerSids,
    byte[] Document)
{
    /// <summary>Where it stands in a list's order.</summary>
    public CatalogPosition Position => new(DateCreated.UtcTicks, TaskSid);
}
