using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Tests.Bandwidth;

public sealed class BandwidthWebhookQueryTests
{
    [Fact]
    public void Conference_query_names_the_conference()
    {
        Assert.Equal("conference=session-42", BandwidthWebhookQuery.ForConference("session-42"));
    }

    [Fact]
    public void Conference_query_rejects_a_name_Bandwidth_would_refuse()
    {
        var error = Assert.Throws<ArgumentException>(() => BandwidthWebhookQuery.ForConference("session/42"));

        Assert.Equal("conferenceName", error.ParamName);
    }

    [Fact]
    public void Transfer_query_escapes_destination_and_caller_id()
    {
        Assert.Equal(
            "transferTo=%2B15557654321&callerId=%2B15551112222",
            BandwidthWebhookQuery.ForTransfer("+15557654321", "+15551112222"));
        Assert.Equal("transferTo=%2B15557654321", BandwidthWebhookQuery.ForTransfer("+15557654321", null));
    }

    [Fact]
    public void Conference_in_the_query_asks_to_join_it()
    {
        Assert.Equal(
            new JoinConferenceInstruction("session-42"),
            BandwidthWebhookQuery.InstructionFor("session-42", transferTo: null, callerId: null));
    }

    [Fact]
    public void Transfer_in_the_query_asks_to_dial_it_with_the_caller_id()
    {
        Assert.Equal(
            new DialInstruction("+15557654321") { CallerId = "+15551112222" },
            BandwidthWebhookQuery.InstructionFor(conference: null, "+15557654321", "+15551112222"));
    }

    [Fact]
    public void Query_without_conference_or_transfer_asks_for_nothing()
    {
        Assert.Null(BandwidthWebhookQuery.InstructionFor(conference: "", transferTo: null, callerId: "+15551112222"));
    }

    [Theory]
    [InlineData("session-42", null, null)]
    [InlineData(null, "+15557654321", "+15551112222")]
    [InlineData(null, "pat@example.com", null)]
    [InlineData(null, "sip:pat@sip.example.com;transport=tls", null)]
    [InlineData("", "", "")]
    public void A_query_our_own_urls_carry_is_valid(string? conference, string? transferTo, string? callerId)
    {
        Assert.Null(BandwidthWebhookQuery.Invalid(conference, transferTo, callerId));
    }

    [Theory]
    [InlineData("session+42", null, null, "conference")]
    [InlineData("session 42", null, null, "conference")]
    [InlineData(null, "+1555\u0001", null, "transferTo")]
    [InlineData(null, "sip:pat@example.com\uFFFE", null, "transferTo")]
    [InlineData(null, "sip:", null, "transferTo")]
    [InlineData(null, "0800", null, "transferTo")]
    [InlineData(null, "+15557654321", "+1\r", "callerId")]
    public void A_value_that_cannot_be_answered_as_asked_is_named(string? conference, string? transferTo, string? callerId, string parameter)
    {
        Assert.Equal(parameter, BandwidthWebhookQuery.Invalid(conference, transferTo, callerId)?.Parameter);
    }
}
