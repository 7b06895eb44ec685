using System.Text.Json;
using System.Web;
using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Simulator;

namespace Telephony.Providers.Tests.Simulator;

/// <summary>The callback bodies the simulator sends, field by field, against the providers' documented formats.</summary>
public sealed class SimulatorWireFormatTests
{
    private const string Customer = "+14155550123";

    [Fact]
    public async Task Twilio_status_callbacks_carry_the_documented_fields()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Twilio);
        var settings = harness.Network.Settings.Twilio;
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("hold-room")];
        var callId = (await harness.RunAsync(Dial(Customer))).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);
        harness.Clock.Advance(TimeSpan.FromSeconds(61));
        await harness.RunAsync(new HangupCommand { CommandId = "hangup", CallId = callId });

        var initiated = Form(harness.Network.Callbacks[0]);
        Assert.Equal(
            [
                ("CallSid", callId), ("AccountSid", settings.AccountSid), ("ApiVersion", "2010-04-01"),
                ("From", SimulatorHarness.OurNumber), ("To", Customer), ("Caller", SimulatorHarness.OurNumber), ("Called", Customer),
                ("CallStatus", "initiated"), ("Direction", "outbound-api"),
                ("Timestamp", "Mon, 2 Mar 2026 09:30:00 +0000"), ("CallbackSource", "call-progress-events"), ("SequenceNumber", "0"),
            ],
            initiated);
        var completed = Form(harness.Network.Callbacks[^1]).ToDictionary();
        Assert.Equal("completed", completed["CallStatus"]);
        Assert.Equal(("61", "200", "2"), (completed["CallDuration"], completed["SipResponseCode"], completed["Duration"]));
    }

    [Fact]
    public async Task Bandwidth_callbacks_are_camel_case_json_with_utc_times_and_plain_numbers()
    {
        await using var harness = await SimulatorHarness.StartAsync(SimulatorFormat.Bandwidth);
        var settings = harness.Network.Settings.Bandwidth;
        harness.Service.VoiceAnswer = _ => [new JoinConferenceInstruction("hold-room")];
        var answeredId = (await harness.RunAsync(Dial(Customer))).CallId!;
        var busyId = (await harness.RunAsync(Dial("+14155550000"))).CallId!;
        await harness.AdvanceAsync(SimulatorHarness.AnswerDelay);
        await harness.RunAsync(new HangupCommand { CommandId = "hangup", CallId = answeredId });

        var busy = harness.Network.Callbacks.Single(c => c.CallId == busyId);
        var hangup = harness.Network.Callbacks.Last(c => c.CallId == answeredId);
        Assert.Contains($"\"from\":\"{SimulatorHarness.OurNumber}\"", hangup.Body, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(hangup.Body);
        var json = document.RootElement;
        Assert.Equal(
            [
                "eventType", "eventTime", "accountId", "applicationId", "from", "to", "direction", "callId", "callUrl",
                "enqueuedTime", "startTime", "answerTime", "endTime", "tag", "cause",
            ],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("disconnect", json.GetProperty("eventType").GetString());
        Assert.Equal("2026-03-02T09:30:03.000Z", json.GetProperty("eventTime").GetString());
        Assert.Equal((settings.AccountId, settings.ApplicationId), (json.GetProperty("accountId").GetString(), json.GetProperty("applicationId").GetString()));
        Assert.Equal($"https://voice.bandwidth.com/api/v2/accounts/{settings.AccountId}/calls/{answeredId}", json.GetProperty("callUrl").GetString());
        Assert.Equal(("outbound", "dial", "hangup"), (json.GetProperty("direction").GetString(), json.GetProperty("tag").GetString(), json.GetProperty("cause").GetString()));

        using var busyDocument = JsonDocument.Parse(busy.Body);
        Assert.Equal("busy", busyDocument.RootElement.GetProperty("cause").GetString());
        Assert.Equal("Callee is busy", busyDocument.RootElement.GetProperty("errorMessage").GetString());
        Assert.True(Guid.TryParse(busyDocument.RootElement.GetProperty("errorId").GetString(), out _));
        Assert.DoesNotContain(harness.Service.Events, e => e.ProviderCallId == busyId && e.Type != CallEventType.Disconnected);
    }

    private static DialCommand Dial(string to) => new() { CommandId = "dial", From = SimulatorHarness.OurNumber, To = to };

    private static List<(string, string)> Form(DeliveredCallback callback)
    {
        var form = HttpUtility.ParseQueryString(callback.Body);
        return [.. form.AllKeys.Select(k => (k!, form[k]!))];
    }
}
