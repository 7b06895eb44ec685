using System.Text.Json;
using System.Text.Json.Nodes;
using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers.Tests;

/// <summary>Commands survive the JSON round trip a grain's pending-command state makes, type and all.</summary>
public sealed class CallCommandJsonTests
{
    [Fact]
    public void A_redirect_to_a_url_round_trips_through_its_discriminator()
    {
        CallCommand command = new RedirectToUrlCommand
        {
            CommandId = "cmd-1",
            CallId = "CA0123456789abcdef0123456789abcdef",
            Url = new Uri("https://app.example.com/twiml/agent?reservation=WR1&x=a%20b"),
        };

        var json = JsonSerializer.Serialize(command, CallCommandJsonContext.Default.CallCommand);
        var read = JsonSerializer.Deserialize(json, CallCommandJsonContext.Default.CallCommand);

        Assert.Equal("redirectToUrl", JsonNode.Parse(json)!["$command"]!.GetValue<string>());
        Assert.Equal(command, read);
        Assert.Equal("https://app.example.com/twiml/agent?reservation=WR1&x=a%20b", Assert.IsType<RedirectToUrlCommand>(read).Url.OriginalString);
        Assert.True(read.IsIdempotent);
    }

    [Fact]
    public void A_dial_keeps_its_instruction_url_and_one_without_stays_without()
    {
        var withUrl = new DialCommand { CommandId = "cmd-2", From = "+14155550100", To = "client:alice", Url = new Uri("https://app.example.com/twiml/call") };
        var withoutUrl = withUrl with { CommandId = "cmd-3", Url = null };

        Assert.Equal(withUrl, RoundTrip(withUrl));
        Assert.Equal(withoutUrl, RoundTrip(withoutUrl));
        Assert.Null(((DialCommand)RoundTrip(withoutUrl)).Url);
    }

    [Fact]
    public void A_command_stored_before_instruction_urls_existed_still_reads()
    {
        const string stored = """{"$command":"dial","From":"+14155550100","To":"+14155550199","ConferenceName":"session-1","TimeoutSeconds":25,"CommandId":"cmd-4"}""";

        var read = Assert.IsType<DialCommand>(JsonSerializer.Deserialize(stored, CallCommandJsonContext.Default.CallCommand));

        Assert.Equal(("session-1", 25, null), (read.ConferenceName, read.TimeoutSeconds, read.Url));
    }

    private static CallCommand RoundTrip(CallCommand command) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(command, CallCommandJsonContext.Default.CallCommand), CallCommandJsonContext.Default.CallCommand)!;
}
