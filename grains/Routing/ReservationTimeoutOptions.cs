namespace Telephony.Grains.Routing;

/// <summary>How reservation timeouts survive restarts (configuration section <c>Telephony:Routing</c>).</summary>
public sealed class ReservationTimeoutOptions
{
    /// <summary>
    /// How often a pending reservation's durable reminder wakes it once its deadline has passed: a deadline missed
    /// while no silo held the reservation is kept at most this long after a silo is ready again. The silo's
    /// minimum reminder period is lowered to this.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(10);
}
