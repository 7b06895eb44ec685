using System.Globalization;
using Telephony.Api.Hosting;
using Telephony.Catalog;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Api.Sessions;

/// <summary>Reads <c>GET /sessions</c>'s query string into <see cref="ListSessions"/>, naming each field it cannot read.</summary>
internal static class ListSessionsQuery
{
    /// <summary>The query, the position its <c>pageToken</c> names (null without one), and its validation errors (empty when it is valid).</summary>
    public static (ListSessions Query, CatalogPosition? After, IDictionary<string, string[]> Errors) Read(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var list = new ListSessions
        {
            Ended = Parse<bool>(query, "ended", errors, "true or false", static (string s, out bool v) => bool.TryParse(s, out v)),
            Channel = Parse<FlowChannels>(query, "channel", errors, string.Join(", ", Enum.GetNames<FlowChannels>()), TryParseChannel),
            From = Text(query, "from"),
            To = Text(query, "to"),
            StartDate = Text(query, "startDate"),
            EndDate = Text(query, "endDate"),
            Page = Parse<int>(query, "page", errors, "a whole number", TryParseInt),
            CountPerPage = Parse<int>(query, "countPerPage", errors, "a whole number", TryParseInt),
            SimplifiedPaging = Parse<bool>(query, "simplifiedPaging", errors, "true or false", static (string s, out bool v) => bool.TryParse(s, out v)),
            PageToken = Text(query, "pageToken"),
        };
        var after = PageParameters.ReadToken(query, errors);
        foreach (var (field, messages) in list.Validate())
        {
            errors.TryAdd(field, messages);
        }

        return (list, after, errors);
    }

    private delegate bool TryParser<T>(string text, out T value);

    private static string? Text(IQueryCollection query, string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    private static T? Parse<T>(IQueryCollection query, string name, Dictionary<string, string[]> errors, string expected, TryParser<T> parse)
        where T : struct
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        errors[name] = [$"'{name}' must be {expected}."];
        return null;
    }

    private static bool TryParseInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // Names only: Enum.TryParse would also take numbers, which the seeds' clients never send.
    private static bool TryParseChannel(string text, out FlowChannels value) =>
        Enum.TryParse(text, ignoreCase: true, out value) && !char.IsAsciiDigit(text.TrimStart('-')[0]) && Enum.IsDefined(value);
}
