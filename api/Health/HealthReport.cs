namespace Telephony.Api.Health;

/// <summary>Answer of the health endpoints.</summary>
/// <param name="Status">Healthy or Unhealthy.</param>
/// <param name="Silo">The co-hosted silo's name.</param>
/// <param name="Store">Whether the grain store answered (readiness only).</param>
public sealed record HealthReport(string Status, string Silo, bool? Store);
