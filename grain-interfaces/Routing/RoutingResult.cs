using Orleans;

namespace Telephony.GrainInterfaces.Routing;

/// <summary>How a routing command ended; endpoints map these to 200, 404, 400, 409 and 412.</summary>
public enum RoutingOutcome
{
    /// <summary>The command took effect.</summary>
    Success,

    /// <summary>The resource does not exist.</summary>
    NotFound,

    /// <summary>The request is malformed (bad JSON attributes, out-of-range values, unknown references).</summary>
    Invalid,

    /// <summary>The resource's current status does not allow the command; nothing changed.</summary>
    IllegalTransition,

    /// <summary>The expected version is not the current one; nothing changed.</summary>
    StaleVersion,

    /// <summary>The caller may see the resource but not do this to it.</summary>
    Forbidden,
}

/// <summary>The outcome of a routing command with the resource as it is afterwards (when it exists) and an explanation when refused.</summary>
/// <param name="Outcome">How the command ended.</param>
/// <param name="Value">The resource after the command; also set on refusals so callers see the current state.</param>
/// <param name="Error">Why the command was refused; null on success.</param>
[GenerateSerializer, Alias("telephony.RoutingResult`1"), Immutable]
public sealed record RoutingResult<T>([Id(0)] RoutingOutcome Outcome, [Id(1)] T? Value, [Id(2)] string? Error)
    where T : class
{
    /// <summary>True when the command took effect.</summary>
    public bool IsSuccess => Outcome == RoutingOutcome.Success;
}

/// <summary>Factories of <see cref="RoutingResult{T}"/>.</summary>
public static class RoutingResult
{
    /// <summary>The command took effect.</summary>
    public static RoutingResult<T> Success<T>(T value)
        where T : class => new(RoutingOutcome.Success, value, null);

    /// <summary>The resource does not exist.</summary>
    public static RoutingResult<T> NotFound<T>(string error)
        where T : class => new(RoutingOutcome.NotFound, null, error);

    /// <summary>The request is malformed.</summary>
    /// <summary>The caller may not do this.</summary>
    public static RoutingResult<T> Forbidden<T>(string error)
        where T : class => new(RoutingOutcome.Forbidden, null, error);

    /// <summary>The request is invalid.</summary>
    public static RoutingResult<T> Invalid<T>(string error, T? current = null)
        where T : class => new(RoutingOutcome.Invalid, current, error);

    /// <summary>The current status does not allow the command.</summary>
    public static RoutingResult<T> IllegalTransition<T>(T current, string error)
        where T : class => new(RoutingOutcome.IllegalTransition, current, error);

    /// <summary>The expected version is stale.</summary>
    public static RoutingResult<T> StaleVersion<T>(T current, long expectedVersion, long currentVersion)
        where T : class => new(RoutingOutcome.StaleVersion, current, $"Expected version {expectedVersion} but the current version is {currentVersion}.");
}
