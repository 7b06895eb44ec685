using Microsoft.Extensions.Logging;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Routing;

/// <summary>Structured log messages of the routing grains.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information,
        Message = "Reservation {ReservationSid} of task {TaskSid} for worker {WorkerSid}: {From} -> {To} (version {Version})")]
    public static partial void ReservationChanged(
        ILogger logger, string reservationSid, string taskSid, string workerSid, ReservationStatus from, ReservationStatus to, long version);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information,
        Message = "Reservation {ReservationSid} of task {TaskSid} offered to worker {WorkerSid} for {Timeout} s")]
    public static partial void ReservationCreated(ILogger logger, string reservationSid, string taskSid, string workerSid, int timeout);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Reservation {ReservationSid} ignored its task's ruling {Ruling}: it is already {Status}")]
    public static partial void RulingIgnored(ILogger logger, string reservationSid, ReservationStatus ruling, ReservationStatus status);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Task {TaskSid} offered to {Count} worker(s): {WorkerSids}")]
    public static partial void TaskOffered(ILogger logger, string taskSid, int count, string workerSids);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information,
        Message = "Task {TaskSid} assigned to worker {WorkerSid} by reservation {ReservationSid}; {Rescinded} sibling(s) rescinded")]
    public static partial void TaskAssigned(ILogger logger, string taskSid, string workerSid, string reservationSid, int rescinded);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Task {TaskSid} is pending again; {Excluded} worker(s) excluded")]
    public static partial void TaskRequeued(ILogger logger, string taskSid, int excluded);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information,
        Message = "Task {TaskSid} canceled with reason code {ReasonCode}; {Pending} pending reservation(s) to cancel")]
    public static partial void TaskCanceled(ILogger logger, string taskSid, int reasonCode, int pending);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Task {TaskSid} is {Status}")]
    public static partial void TaskStatusChanged(ILogger logger, string taskSid, RoutingTaskStatus status);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information,
        Message = "Worker {WorkerSid} logged event {EventId} {EventType} of reservation {ReservationSid}")]
    public static partial void WorkerEventLogged(ILogger logger, string workerSid, long eventId, WorkerEventType eventType, string reservationSid);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug,
        Message = "Routing pass in workspace {WorkspaceSid}: {Free} free worker(s), {Offered} task(s) offered, {Waiting} still waiting")]
    public static partial void RoutingPass(ILogger logger, string workspaceSid, int free, int offered, int waiting);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information,
        Message = "Worker index of workspace {WorkspaceSid} read from {Workers} worker(s), {Free} free")]
    public static partial void WorkerIndexBuilt(ILogger logger, string workspaceSid, int workers, int free);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Debug,
        Message = "Worker {WorkerSid} of workspace {WorkspaceSid} refused an offer; read again: available {Available}, open reservation {HasOpenReservation}")]
    public static partial void OfferRefused(ILogger logger, string workspaceSid, string workerSid, bool available, bool hasOpenReservation);
}
