namespace Telephony.Api.Boundary;

/// <summary>Problem details written by the checks that run before routing, in the shape the endpoints use for a bad field.</summary>
internal static class BoundaryProblems
{
    /// <summary>Answers <paramref name="status"/> with a validation problem naming <paramref name="field"/>.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string field, string message)
    {
        http.Response.StatusCode = status;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = title };
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
