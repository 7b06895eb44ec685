namespace Telephony.Providers.Bandwidth;

/// <summary>Answering-machine detection outcome attached to <c>answer</c> and <c>machineDetectionComplete</c> callbacks.</summary>
/// <param name="Value"><c>human</c>, <c>answering-machine</c>, <c>silence</c>, <c>timeout</c> or <c>error</c>.</param>
/// <param name="Duration">How long detection took, as an ISO 8601 duration (<c>PT4.98S</c>).</param>
public sealed record BandwidthMachineDetectionResult(string? Value, string? Duration);
