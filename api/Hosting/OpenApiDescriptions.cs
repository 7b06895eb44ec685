using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;

namespace Telephony.Api.Hosting;

/// <summary>
/// Describes what an endpoint reads and answers in the OpenAPI document, for handlers that answer <see cref="IResult"/>
/// (whose types the document cannot see): bodies as JSON of their contract, errors as RFC 9457 problem details.
/// </summary>
internal static class OpenApiDescriptions
{
    /// <summary>The media type of JSON bodies.</summary>
    public const string Json = "application/json";

    /// <summary>The media type of problem details.</summary>
    public const string Problem = "application/problem+json";

    /// <summary>What every route behind an API key may answer: no or a wrong key, too many requests, headers too large.</summary>
    public static readonly int[] KeyedProblems = [StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests, StatusCodes.Status431RequestHeaderFieldsTooLarge];

    /// <summary>What a route with a JSON body may answer besides: a bad body, one too large, one in an unknown charset.</summary>
    public static readonly int[] BodyProblems = [StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType];

    /// <summary>
    /// Documents a <typeparamref name="TBody"/> request body of <paramref name="contentType"/> (optional when
    /// <paramref name="optional"/>). Written into the document only: accepts metadata would also make routing refuse
    /// other content types with 415 before the endpoint could answer its own 400 naming the body.
    /// </summary>
    public static RouteHandlerBuilder Reads<TBody>(this RouteHandlerBuilder builder, string contentType = Json, bool optional = false) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), parameterDescription: null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = !optional,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
            };
        });

    /// <summary>Documents a <typeparamref name="T"/> answer with <paramref name="statusCode"/> as <paramref name="contentType"/>.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status200OK, string contentType = Json) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(T), [contentType]));

    /// <summary>Documents an answer with no body.</summary>
    public static RouteHandlerBuilder AnswersNothing(this RouteHandlerBuilder builder, int statusCode = StatusCodes.Status204NoContent) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(void), []));

    /// <summary>Documents problem details answers with <paramref name="statusCodes"/> (400 as validation problems naming the fields).</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            var type = statusCode == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails);
            builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, type, [Problem]));
        }

        return builder;
    }

    /// <summary>Names the operation (its OpenAPI operation id) and says in a line what it does.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary) =>
        builder.WithName(name).WithSummary(summary);

    /// <summary>A read of one object or list: <typeparamref name="T"/>, or 400 for a bad id or query, 404 when the account has none.</summary>
    public static RouteHandlerBuilder Finds<T>(this RouteHandlerBuilder builder) =>
        builder.Answers<T>().Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    /// <summary>A create from a <typeparamref name="TBody"/>: 201 with the <typeparamref name="T"/>, or the body's problems, 403, 404 or 409.</summary>
    public static RouteHandlerBuilder Creates<TBody, T>(this RouteHandlerBuilder builder) =>
        builder.Reads<TBody>().Answers<T>(StatusCodes.Status201Created).Problems(BodyProblems)
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

    /// <summary>A change from a <typeparamref name="TBody"/>: the <typeparamref name="T"/> afterwards, or the body's problems, 403, 404 or 409.</summary>
    public static RouteHandlerBuilder Updates<TBody, T>(this RouteHandlerBuilder builder, bool optional = false) =>
        builder.Reads<TBody>(optional: optional).Answers<T>().Problems(BodyProblems)
            .Problems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
}
