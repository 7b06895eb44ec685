namespace Telephony.Api.Boundary;

/// <summary>Problem details written by the checks that run before routing, in the shape the endpoints use for a bad field.</summary>
internal static class BoundaryProblems
{
    /// <summary>
    /// Answers <paramref name="status"/> with a validation problem naming <paramref name="field"/>, as JSON whatever the
    /// request accepts (the problem details service writes nothing for a client that accepts only XML, say).
    /// </summary>
    public static Task WriteAsync(HttpContext http, int status, string title, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = title })
            .ExecuteAsync(http);
}
