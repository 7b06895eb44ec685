namespace Telephony.GrainInterfaces.Routing;

/// <summary>The wire names of task and reservation statuses: TaskRouter's, each the lower-cased member name.</summary>
public static class RoutingStatusNames
{
    /// <summary>The name of <paramref name="status"/> on the wire and in the routing catalog (<c>pending</c>, <c>reserved</c>, …).</summary>
    public static string Of(RoutingTaskStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The name of <paramref name="status"/> on the wire and in the routing catalog (<c>pending</c>, <c>accepted</c>, …).</summary>
    public static string Of(ReservationStatus status) => status.ToString().ToLowerInvariant();
}
