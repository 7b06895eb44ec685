namespace Telephony.Api.Health;

/// <summary>Answer of the health endpoints.</summary>
/// <param name="Status">Healthy or Unhealthy.</param>
/// <param name="Silo">This node's name (its co-hosted silo's, when it has one).</param>
/// <param name="Store">Whether the grain store answered (readiness only).</param>
/// <param name="SiloStatus">This node's silo in the cluster's membership: Active, Joining, ShuttingDown, …, or Client for a front door that holds no grains (readiness only).</param>
/// <param name="ActiveSilos">How many silos are active in the cluster, this node's own included (readiness only).</param>
public sealed record HealthReport(string Status, string Silo, bool? Store, string? SiloStatus = null, int? ActiveSilos = null);
