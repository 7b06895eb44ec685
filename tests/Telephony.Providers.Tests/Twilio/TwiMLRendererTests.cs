using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Twilio;

/// <summary>The exact TwiML written for each call instruction: the Twilio library's document, declaration first.</summary>
public sealed class TwiMLRendererTests
{
    private const string Declaration = """<?xml version="1.0" encoding="utf-8"?>""";

    private readonly TwiMLRenderer _renderer = new(new Uri("https://telephony.example.com/"));

    [Fact]
    public void Content_type_is_xml()
    {
        Assert.Equal("application/xml", _renderer.ContentType);
    }

    [Fact]
    public void Join_conference_dials_into_the_conference_with_status_callbacks()
    {
        var twiml = _renderer.Render([new JoinConferenceInstruction("session-42")]);

        Assert.Equal(
            $"""{Declaration}<Response><Dial><Conference muted="false" startConferenceOnEnter="true" endConferenceOnExit="false" statusCallbackEvent="start end join leave mute hold" statusCallback="https://telephony.example.com/webhooks/twilio/conference">session-42</Conference></Dial></Response>""",
            twiml);
    }

    [Fact]
    public void Join_conference_writes_its_options()
    {
        var twiml = _renderer.Render(
        [
            new JoinConferenceInstruction("session-42")
            {
                StartConferenceOnEnter = false,
                EndConferenceOnExit = true,
                Muted = true,
                WaitUrl = "https://media.example.com/hold.xml?tone=1&loop=2",
            },
        ]);

        Assert.Equal(
            $"""{Declaration}<Response><Dial><Conference muted="true" startConferenceOnEnter="false" endConferenceOnExit="true" waitUrl="https://media.example.com/hold.xml?tone=1&amp;loop=2" statusCallbackEvent="start end join leave mute hold" statusCallback="https://telephony.example.com/webhooks/twilio/conference">session-42</Conference></Dial></Response>""",
            twiml);
    }

    [Fact]
    public void Status_callback_keeps_the_public_base_path()
    {
        var renderer = new TwiMLRenderer(new Uri("https://gateway.example.com/telephony/"));

        Assert.Contains(
            """statusCallback="https://gateway.example.com/telephony/webhooks/twilio/conference">""",
            renderer.Render([new JoinConferenceInstruction("c")]),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Dial_dials_the_number_with_caller_id()
    {
        Assert.Equal(
            $"""{Declaration}<Response><Dial callerId="+14155550100"><Number>+14155550199</Number></Dial></Response>""",
            _renderer.Render([new DialInstruction("+14155550199") { CallerId = "+14155550100" }]));
    }

    [Fact]
    public void Dial_without_caller_id_has_no_caller_id_attribute()
    {
        Assert.Equal(
            $"{Declaration}<Response><Dial><Number>+14155550199</Number></Dial></Response>",
            _renderer.Render([new DialInstruction("+14155550199")]));
    }

    [Fact]
    public void Say_speaks_the_text()
    {
        Assert.Equal($"{Declaration}<Response><Say>Please hold.</Say></Response>", _renderer.Render([new SayInstruction("Please hold.")]));
    }

    [Fact]
    public void Hangup_is_an_empty_verb()
    {
        Assert.Equal($"{Declaration}<Response><Hangup></Hangup></Response>", _renderer.Render([new HangupInstruction()]));
    }

    [Fact]
    public void Instructions_render_in_order()
    {
        Assert.Equal(
            $"{Declaration}<Response><Say>Goodbye.</Say><Hangup></Hangup></Response>",
            _renderer.Render([new SayInstruction("Goodbye."), new HangupInstruction()]));
    }

    [Fact]
    public void No_instructions_render_an_empty_response()
    {
        Assert.Equal($"{Declaration}<Response></Response>", _renderer.Render([]));
    }

    [Fact]
    public void Text_is_xml_escaped()
    {
        Assert.Equal(
            $"{Declaration}<Response><Say>Tom &amp; Jerry &lt;3 you</Say></Response>",
            _renderer.Render([new SayInstruction("Tom & Jerry <3 you")]));
    }

    [Fact]
    public void Conference_name_is_xml_escaped()
    {
        Assert.Contains(
            ">Sales &amp; Support &lt;eu&gt;</Conference>",
            _renderer.Render([new JoinConferenceInstruction("Sales & Support <eu>")]),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_values_are_xml_escaped()
    {
        Assert.Equal(
            $"""{Declaration}<Response><Dial callerId="&quot;A&amp;B&quot; &lt;1&gt;"><Number>1&amp;2</Number></Dial></Response>""",
            _renderer.Render([new DialInstruction("1&2") { CallerId = "\"A&B\" <1>" }]));
    }

    [Fact]
    public void Unsupported_instruction_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render([new UnsupportedInstruction()]));
    }

    private sealed record UnsupportedInstruction : CallInstruction;
}
