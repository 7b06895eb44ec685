namespace Telephony.Providers.Simulator;

/// <summary>Why a leg asks our webhook for instructions.</summary>
internal enum InstructionReason
{
    /// <summary>An inbound call arrived (Twilio voice webhook while ringing; Bandwidth <c>initiate</c>).</summary>
    Arrival,

    /// <summary>An outbound call was answered (Twilio voice webhook in progress; Bandwidth <c>answer</c>).</summary>
    Answer,
}
