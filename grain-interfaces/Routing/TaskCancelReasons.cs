namespace Telephony.GrainInterfaces.Routing;

/// <summary>The <c>canceledReasonCode</c> values this service sets when it cancels a task itself.</summary>
public static class TaskCancelReasons
{
    /// <summary>The caller hung up before an agent took the call.</summary>
    public const int CallerHungUp = 31;
}
