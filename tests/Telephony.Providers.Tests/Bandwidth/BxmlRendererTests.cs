using Telephony.GrainInterfaces.Calls;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Tests.Bandwidth;

public sealed class BxmlRendererTests
{
    private const string Declaration = """<?xml version="1.0" encoding="utf-8"?>""";
    private const string VoiceWebhook = "https://telephony.example.com/webhooks/bandwidth/voice";

    private readonly BxmlRenderer _renderer = new(new Uri("https://telephony.example.com/"), "bw-callbacks", "callback-secret");

    [Fact]
    public void Content_type_is_xml()
    {
        Assert.Equal("application/xml", _renderer.ContentType);
    }

    [Fact]
    public void No_instructions_is_an_empty_response()
    {
        Assert.Equal($"{Declaration}<Response />", _renderer.Render([]));
    }

    [Fact]
    public void Join_conference_is_a_conference_reporting_to_our_voice_webhook()
    {
        var bxml = _renderer.Render([new JoinConferenceInstruction("session-42.a_b")]);

        Assert.Equal(
            $"""{Declaration}<Response><Conference mute="false" conferenceEventUrl="{VoiceWebhook}" username="bw-callbacks" password="callback-secret">session-42.a_b</Conference></Response>""",
            bxml);
    }

    [Fact]
    public void Join_conference_muted_joins_muted_and_ignores_what_bandwidth_cannot_do()
    {
        var bxml = _renderer.Render([
            new JoinConferenceInstruction("session-42")
            {
                Muted = true,
                StartConferenceOnEnter = false,
                EndConferenceOnExit = true,
                WaitUrl = "https://audio.example.com/hold.mp3",
            },
        ]);

        Assert.Equal(
            $"""{Declaration}<Response><Conference mute="true" conferenceEventUrl="{VoiceWebhook}" username="bw-callbacks" password="callback-secret">session-42</Conference></Response>""",
            bxml);
    }

    [Theory]
    [InlineData("")]
    [InlineData("session 42")]
    [InlineData("session/42")]
    [InlineData("sessión")]
    [InlineData("session-42\n")]
    public void Conference_name_bandwidth_would_refuse_is_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => _renderer.Render([new JoinConferenceInstruction(name)]));
    }

    [Fact]
    public void Conference_name_of_100_characters_is_accepted_and_of_101_rejected()
    {
        Assert.Contains(new string('a', 100), _renderer.Render([new JoinConferenceInstruction(new string('a', 100))]), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _renderer.Render([new JoinConferenceInstruction(new string('a', 101))]));
    }

    [Fact]
    public void Dial_is_a_transfer_reporting_back_to_our_voice_webhook()
    {
        var bxml = _renderer.Render([new DialInstruction("+15557654321") { CallerId = "+15551112222" }]);

        Assert.Equal(
            $"""{Declaration}<Response><Transfer transferCallerId="+15551112222" transferCompleteUrl="{VoiceWebhook}" username="bw-callbacks" password="callback-secret"><PhoneNumber transferAnswerUrl="{VoiceWebhook}" transferDisconnectUrl="{VoiceWebhook}" username="bw-callbacks" password="callback-secret">+15557654321</PhoneNumber></Transfer></Response>""",
            bxml);
    }

    [Fact]
    public void Dial_to_a_sip_address_without_caller_id_is_a_transfer_to_a_sip_uri()
    {
        var bxml = _renderer.Render([new DialInstruction("sip:agent@example.com")]);

        Assert.Equal(
            $"""{Declaration}<Response><Transfer transferCompleteUrl="{VoiceWebhook}" username="bw-callbacks" password="callback-secret"><SipUri transferAnswerUrl="{VoiceWebhook}" transferDisconnectUrl="{VoiceWebhook}" username="bw-callbacks" password="callback-secret">sip:agent@example.com</SipUri></Transfer></Response>""",
            bxml);
    }

    [Fact]
    public void Say_then_hangup_are_rendered_in_order()
    {
        var bxml = _renderer.Render([new SayInstruction("Goodbye."), new HangupInstruction()]);

        Assert.Equal($"{Declaration}<Response><SpeakSentence>Goodbye.</SpeakSentence><Hangup /></Response>", bxml);
    }

    [Fact]
    public void Text_and_attribute_values_are_escaped()
    {
        var renderer = new BxmlRenderer(new Uri("https://telephony.example.com/"), "bw&co", "p\"<w>'d");

        var bxml = renderer.Render([new SayInstruction("Tom & Jerry say <hello> \"now\""), new JoinConferenceInstruction("s-1")]);

        Assert.Equal(
            $"""{Declaration}<Response><SpeakSentence>Tom &amp; Jerry say &lt;hello&gt; "now"</SpeakSentence><Conference mute="false" conferenceEventUrl="{VoiceWebhook}" username="bw&amp;co" password="p&quot;&lt;w&gt;'d">s-1</Conference></Response>""",
            bxml);
    }

    [Fact]
    public void Public_base_url_with_a_path_keeps_the_path()
    {
        var renderer = new BxmlRenderer(new Uri("https://gateway.example.com/telephony/"), "u", "p");

        Assert.Contains(
            "conferenceEventUrl=\"https://gateway.example.com/telephony/webhooks/bandwidth/voice\"",
            renderer.Render([new JoinConferenceInstruction("s-1")]),
            StringComparison.Ordinal);
    }
}
