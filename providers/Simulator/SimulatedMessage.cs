namespace Telephony.Providers.Simulator;

/// <summary>A text message the simulator was asked to send; it goes nowhere and is only recorded.</summary>
/// <param name="CommandId">Our command id.</param>
/// <param name="From">Sender.</param>
/// <param name="To">Recipient.</param>
/// <param name="Text">Message text.</param>
/// <param name="SentAt">When it was sent.</param>
public sealed record SimulatedMessage(string CommandId, string From, string To, string Text, DateTimeOffset SentAt);
