using System.Globalization;
using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary><c>GET /sessions</c> (query string): sessions matching filters, one page at a time; answered with <see cref="ListSessionsResponse"/>.</summary>
[GenerateSerializer, Alias("telephony.ListSessions"), Immutable]
public sealed record ListSessions : ISessionRequest
{
    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxCountPerPage = 1000;

    /// <summary>The date format of <see cref="StartDate"/> and <see cref="EndDate"/>, as Evo Voice documents it.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Only ended (true) or only live (false) sessions.</summary>
    [Id(0)]
    public bool? Ended { get; init; }

    /// <summary>Only sessions on this channel.</summary>
    [Id(1)]
    public FlowChannels? Channel { get; init; }

    /// <summary>Only sessions whose from address contains this text.</summary>
    [Id(2)]
    public string? From { get; init; }

    /// <summary>Only sessions whose to address contains this text.</summary>
    [Id(3)]
    public string? To { get; init; }

    /// <summary>Only sessions created on or after this day (UTC), <c>yyyy-MM-dd</c>.</summary>
    [Id(4)]
    public string? StartDate { get; init; }

    /// <summary>Only sessions created on or before this day (UTC), <c>yyyy-MM-dd</c>.</summary>
    [Id(5)]
    public string? EndDate { get; init; }

    /// <summary>The page to return, counting from 0.</summary>
    [Id(6)]
    public int? Page { get; init; }

    /// <summary>Sessions per page, 1 to <see cref="MaxCountPerPage"/>.</summary>
    [Id(7)]
    public int? CountPerPage { get; init; }

    /// <summary>Skip the totals (<see cref="ListSessionsResponse.TotalCount"/>, <see cref="ListSessionsResponse.TotalPages"/>), which costs a count.</summary>
    [Id(8)]
    public bool? SimplifiedPaging { get; init; }

    /// <summary>
    /// Continue after the page that answered with this <see cref="ListSessionsResponse.NextPageToken"/> (instead of
    /// <see cref="Page"/>): a page costs the same however deep it is, and no totals are counted.
    /// </summary>
    [Id(9)]
    public string? PageToken { get; init; }

    /// <summary><see cref="StartDate"/> parsed; null when absent. Call after <see cref="Validate"/> passed.</summary>
    public DateOnly? GetStartDate() => ParseDate(StartDate);

    /// <summary><see cref="EndDate"/> parsed; null when absent. Call after <see cref="Validate"/> passed.</summary>
    public DateOnly? GetEndDate() => ParseDate(EndDate);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        // Query binders accept any number for an enum, so the channel is checked here.
        var errors = new RequestErrors().Defined("channel", Channel);
        var start = CheckDate(errors, "startDate", StartDate);
        var end = CheckDate(errors, "endDate", EndDate);
        if (start > end)
        {
            errors.Add("endDate", "'endDate' must not be before 'startDate'.");
        }

        if (Page < 0)
        {
            errors.Add("page", "'page' must be 0 or more.");
        }

        if (Page is not null && PageToken is not null)
        {
            errors.Add("pageToken", "'pageToken' continues a list; it cannot be combined with 'page'.");
        }

        if (CountPerPage is < 1 or > MaxCountPerPage)
        {
            errors.Add("countPerPage", $"'countPerPage' must be between 1 and {MaxCountPerPage}.");
        }

        return errors.ToDictionary();
    }

    private static DateOnly? CheckDate(RequestErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (TryParseDate(value, out var date))
        {
            return date;
        }

        errors.Add(field, $"'{field}' must be a date as {DateFormat}.");
        return null;
    }

    private static DateOnly? ParseDate(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, DateFormat, CultureInfo.InvariantCulture);

    private static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
