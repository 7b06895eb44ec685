namespace Telephony.Api.Health;

/// <summary>Answer of the health endpoints.</summary>
/// <param name="Status">Healthy or Unhealthy.</param>
/// <param name="Silo">The co-hosted silo's name.</param>
/// <param name="Store">Whether the grain store answered (readiness only).</param>
/// <param name="SiloStatus">This node's silo in the cluster's membership: Active, Joining, ShuttingDown, … (readiness only).</param>
/// <param name="ActiveSilos">How many silos this node sees active in the cluster, itself included (readiness only).</param>
public sealed record HealthReport(string Status, string Silo, bool? Store, string? SiloStatus = null, int? ActiveSilos = null);
