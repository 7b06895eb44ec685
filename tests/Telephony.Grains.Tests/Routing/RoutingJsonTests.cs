using System.Text.Json;
using System.Text.Json.Nodes;
using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Tests.Routing;

/// <summary>The wire shape of the routing DTOs: the seed's field names, camelCase, TaskRouter's spellings.</summary>
public sealed class RoutingJsonTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly RoutingTask Task = new()
    {
        Sid = "WT" + new string('1', 32),
        AccountSid = "AC" + new string('2', 32),
        WorkspaceSid = "WS" + new string('3', 32),
        QueueSid = "WQ" + new string('4', 32),
        Attributes = """{"type":"call"}""",
        Priority = 0,
        Status = RoutingTaskStatus.Wrapping,
        DateCreated = Created,
        DateUpdated = Created,
        Version = 3,
    };

    private static readonly Reservation Pending = new()
    {
        AccountSid = Task.AccountSid,
        WorkspaceSid = Task.WorkspaceSid,
        WorkerSid = "WK" + new string('5', 32),
        Sid = "WR" + new string('6', 32),
        Status = ReservationStatus.Pending,
        Task = Task,
        Timeout = 120,
        DateCreated = Created,
        DateUpdated = Created,
        Version = 0,
    };

    [Fact]
    public void A_reservation_has_the_seed_field_names_a_lowercase_status_and_a_string_version()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Pending, RoutingJsonContext.Default.Reservation))!.AsObject();

        Assert.Equal(
            ["accountSid", "workspaceSid", "workerSid", "sid", "status", "task", "timeout", "dateCreated", "dateUpdated", "version"],
            json.Select(p => p.Key));
        Assert.Equal("pending", (string?)json["status"]);
        Assert.Equal("0", (string?)json["version"]);
        Assert.Equal("wrapping", (string?)json["task"]!["status"]);
        Assert.Equal("2026-01-01T09:00:00+00:00", (string?)json["dateCreated"]);
    }

    [Fact]
    public void A_canceled_reservation_carries_its_reason_code_and_round_trips()
    {
        var canceled = Pending with { Status = ReservationStatus.Canceled, CanceledReasonCode = 31, Version = 1 };

        var text = JsonSerializer.Serialize(canceled, RoutingJsonContext.Default.Reservation);

        Assert.Contains("\"canceledReasonCode\":31", text, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"canceled\"", text, StringComparison.Ordinal);
        Assert.Equal(canceled, JsonSerializer.Deserialize(text, RoutingJsonContext.Default.Reservation));
    }

    [Fact]
    public void A_worker_event_is_named_like_taskrouters_events()
    {
        var text = JsonSerializer.Serialize(new WorkerEvent(7, WorkerEventType.ReservationWrapup, Pending, Created), RoutingJsonContext.Default.WorkerEvent);

        var json = JsonNode.Parse(text)!.AsObject();

        Assert.Equal(["id", "eventType", "reservation", "timestamp"], json.Select(p => p.Key));
        Assert.Equal("reservation.wrapup", (string?)json["eventType"]);
        Assert.Equal(7, (long?)json["id"]);
    }

    [Theory]
    [InlineData(ReservationStatus.Pending, "pending")]
    [InlineData(ReservationStatus.Accepted, "accepted")]
    [InlineData(ReservationStatus.Rejected, "rejected")]
    [InlineData(ReservationStatus.Timeout, "timeout")]
    [InlineData(ReservationStatus.Canceled, "canceled")]
    [InlineData(ReservationStatus.Rescinded, "rescinded")]
    [InlineData(ReservationStatus.Wrapping, "wrapping")]
    [InlineData(ReservationStatus.Completed, "completed")]
    public void Every_reservation_status_has_the_seeds_spelling(ReservationStatus status, string spelling) =>
        Assert.Equal($"\"{spelling}\"", JsonSerializer.Serialize(status, RoutingJsonContext.Default.Options));
}
