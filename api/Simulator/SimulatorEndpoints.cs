using System.Security.Claims;
using Telephony.Api.Routing;
using Telephony.Api.Hosting;
using Telephony.Api.Security;
using Telephony.GrainInterfaces.Calls;
using Telephony.GrainInterfaces.Sessions;
using Telephony.Providers;
using Telephony.Providers.Accounts;
using Telephony.Providers.Simulator;

namespace Telephony.Api.Simulator;

/// <summary>Drives the Simulator's far end: place an inbound call to us, hang up a caller. Admin keys of Simulator accounts only.</summary>
public static class SimulatorEndpoints
{
    /// <summary>Maps <c>/simulator/calls/...</c>.</summary>
    public static IEndpointRouteBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder routes)
    {
        var simulator = routes.MapGroup("/simulator/calls").WithTags("Simulator").RequireAuthorization(ApiRoles.AnyUser).Problems(OpenApiDescriptions.KeyedProblems);
        simulator.MapPost("/incoming", PlaceIncomingCallAsync).RequireAuthorization(ApiRoles.AdminOnly)
            .Describe("PlaceSimulatedCall", "The Simulator places an incoming call to the account (Admin keys)")
            .Reads<SimulatedIncomingCall>().Answers<SimulatedCallAccepted>(StatusCodes.Status202Accepted)
            .Problems(OpenApiDescriptions.BodyProblems).Problems(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        simulator.MapPost("/{callId}/hangup", HangupAsync)
            .Describe("HangUpSimulatedCall", "The Simulator's far end hangs up a call").AnswersNothing()
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<IResult> PlaceIncomingCallAsync(
        SimulatedIncomingCall call, ClaimsPrincipal user, AccountRegistry accounts, SimulatorNetworkRegistry simulators, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (field, value) in new[] { ("from", call.From), ("to", call.To) })
        {
            if (!E164.IsValid(value))
            {
                errors[field] = [$"'{field}' must be a phone number in E.164 form, such as +15551234567."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (Network(user, accounts, simulators) is not { } network)
        {
            return NotOnSimulator();
        }

        var callId = await network.PlaceIncomingCallAsync(call.From!, call.To!, cancellationToken);
        return TypedResults.Accepted($"/simulator/calls/{callId}", new SimulatedCallAccepted(callId));
    }

    private static async Task<IResult> HangupAsync(
        string callId, ClaimsPrincipal user, AccountRegistry accounts, SimulatorNetworkRegistry simulators, CancellationToken cancellationToken)
    {
        if (Network(user, accounts, simulators) is not { } network)
        {
            return NotOnSimulator();
        }

        // Admin keys only, checked after the call is found so that another account's call answers as a missing one.
        if (network.FindCall(callId) is null)
        {
            return NoSuchCall(callId);
        }

        if (!user.IsInRole(ApiRoles.Admin))
        {
            return RoutingHttp.AdminOnly();
        }

        try
        {
            await network.HangupFarEndAsync(callId, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (ProviderException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return NoSuchCall(callId);
        }
    }

    private static SimulatedNetwork? Network(ClaimsPrincipal user, AccountRegistry accounts, SimulatorNetworkRegistry simulators) =>
        accounts.Find(user.AccountId()) is { Provider: ProviderKind.Simulator, Simulator: { } settings } account
            ? simulators.GetOrCreate(account.Id, settings)
            : null;

    private static IResult NoSuchCall(string callId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such simulated call.", detail: $"The simulator has no call {callId}.");

    private static IResult NotOnSimulator() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The account does not run on the Simulator.");
}

/// <summary>Body of <c>POST /simulator/calls/incoming</c>.</summary>
/// <param name="From">The caller (E.164).</param>
/// <param name="To">Our number being called (E.164).</param>
public sealed record SimulatedIncomingCall(string? From, string? To);

/// <summary>Answer of <c>POST /simulator/calls/incoming</c>.</summary>
/// <param name="CallId">The provider call id of the new inbound call.</param>
public sealed record SimulatedCallAccepted(string CallId);
