namespace Telephony.Grains.Sessions;

/// <summary>What routing should do for a session now (see <see cref="SessionRecord.NextTaskStep"/>).</summary>
internal enum TaskStep
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Queue the incoming call as a task.</summary>
    Queue,

    /// <summary>Cancel the task: the caller hung up before an agent took the call.</summary>
    Cancel,
}
