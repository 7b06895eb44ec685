using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Storage;
using Telephony.Providers;

namespace Telephony.Api.Errors;

/// <summary>Turns exceptions that escape an endpoint into RFC 9457 problem details with the right status.</summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            InconsistentStateException => (StatusCodes.Status409Conflict, "The resource was changed by another request; retry."),
            ProviderException => (StatusCodes.Status502BadGateway, "The telephony provider could not be reached; retry."),
            SiloUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The service is shutting down or restarting; retry."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "The client closed the request."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        // Written as JSON whatever the request accepts, as every other answer of the API.
        await TypedResults.Problem(statusCode: status, title: title, detail: exception is BadHttpRequestException ? exception.Message : null).ExecuteAsync(httpContext);
        return true;
    }
}
