using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Telephony.Catalog;

namespace Telephony.Api.Hosting;

/// <summary>
/// TaskRouter-style paging of a list the seeds give no paging of their own: <c>pageSize</c> (1 to
/// <see cref="MaxPageSize"/>, <see cref="DefaultPageSize"/> when absent) and the opaque <c>pageToken</c> of the
/// previous page's answer, which also names the next page's URL.
/// </summary>
internal static class PageParameters
{
    /// <summary>Entries per page when a request names no size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a request may ask for.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The page the query string asks for, or the errors that keep it from being read (keyed by parameter).</summary>
    public static (PageRequest? Page, Dictionary<string, string[]> Errors) Read(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var size = DefaultPageSize;
        if (query.TryGetValue("pageSize", out var sizeText)
            && (!int.TryParse(sizeText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            errors["pageSize"] = [$"'pageSize' must be a whole number between 1 and {MaxPageSize}."];
        }

        var after = ReadToken(query, errors);
        return (errors.Count == 0 ? new PageRequest(size, after) : null, errors);
    }

    /// <summary>The position a <c>pageToken</c> names (null when absent); a token that does not decode is an error.</summary>
    public static CatalogPosition? ReadToken(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue("pageToken", out var text))
        {
            return null;
        }

        if (PageToken.TryDecode(text.ToString(), out var position))
        {
            return position;
        }

        errors["pageToken"] = ["'pageToken' is not a token this list gave out; start again from the first page."];
        return null;
    }

    /// <summary>The token of the page after <paramref name="next"/>; null when there is none.</summary>
    public static string? Token(CatalogPosition? next) => next is { } position ? PageToken.Encode(position) : null;

    /// <summary>This request's URL (path and query) with <paramref name="token"/> as its <c>pageToken</c>; null without a token.</summary>
    public static string? NextUrl(HttpRequest request, string? token)
    {
        if (token is null)
        {
            return null;
        }

        var query = new QueryBuilder(request.Query.Where(p => p.Key != "pageToken")) { { "pageToken", token } };
        return $"{request.PathBase}{request.Path}{query}";
    }
}
