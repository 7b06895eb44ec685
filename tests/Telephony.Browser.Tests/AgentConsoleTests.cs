using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Telephony.Api.Tests;
using static Microsoft.Playwright.Assertions;
using static Telephony.Api.Tests.SessionAccounts;

namespace Telephony.Browser.Tests;

/// <summary>
/// The console at <c>/console</c> in Chromium against the service on loopback: an agent takes a call the Simulator
/// places, from offer to complete, while a supervisor in another browser context watches it live; an unanswered offer
/// times out on screen; a wrong key is refused. Every wait is on what the page shows, with a generous deadline.
/// </summary>
[Collection(ConsoleHostCollection.Name)]
public sealed partial class AgentConsoleTests(ConsoleHost host)
{
    private const string Caller = "+15550007777";
    private const string Member = "+15551230002";

    [Fact]
    public async Task An_agent_takes_a_queued_call_from_offer_to_complete_while_a_supervisor_watches_live()
    {
        var shots = new Screenshots("agent-takes-a-call");
        var agent = new ConsolePage(await host.NewPageAsync(), shots, "agent");
        var supervisor = new ConsolePage(await host.NewPageAsync(), shots, "supervisor");
        var (workspace, worker) = host.Alice;

        await agent.SignInAsAgentAsync(ConsoleHost.AliceKey, workspace, worker);
        await Expect(agent.Connection).ToHaveTextAsync("Online");
        await Expect(agent.Page.Locator("#agent-name")).ToHaveTextAsync("Alice");
        await Expect(agent.Page.Locator("#agent-title")).ToBeFocusedAsync();
        await Expect(agent.Page.Locator("#activity-now")).ToHaveTextAsync("Offline");
        await agent.ScreenshotAsync("signed-in");
        await supervisor.SignInAsSupervisorAsync(AdminKey, workspace);
        await Expect(supervisor.Connection).ToHaveTextAsync("Online");
        await Expect(supervisor.Row("workers", "Alice").Locator("td")).ToHaveTextAsync(["Alice", "Offline", "no"]);

        // The agent goes available; the supervisor's list shows it without a reload.
        await agent.Button("Available").ClickAsync();
        await Expect(agent.Page.Locator("#activity-now")).ToHaveTextAsync("Available (taking calls)");
        await Expect(agent.Button("Available")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(supervisor.Row("workers", "Alice").Locator("td")).ToHaveTextAsync(["Alice", "Available", "yes"]);

        // A caller rings the account's number: the call waits in the queue and is offered to Alice with a countdown.
        await PlaceCallAsync(AdminKey, Caller, CallerId);
        await Expect(agent.Page.Locator("#offer-status")).ToHaveTextAsync("Offered");
        await Expect(agent.Page.Locator("#offer-from")).ToHaveTextAsync($"Call from {Caller}");
        await Expect(agent.Page.Locator("#offer-countdown")).ToHaveTextAsync(AnswerWithin());
        await agent.ScreenshotAsync("offered");
        await Expect(supervisor.Row("live-sessions", Caller)).ToBeVisibleAsync();

        // Accepting conferences her in with the caller.
        await agent.Button("Accept").ClickAsync();
        await Expect(agent.Page.Locator("#offer-status")).ToHaveTextAsync("Accepted");
        await Expect(agent.Rows("members")).ToHaveCountAsync(2);
        await Expect(agent.Row("members", "Caller").Locator("td")).ToHaveTextAsync(["Caller", Caller, "Connected"]);
        await Expect(agent.Row("members", "Agent").Locator("td")).ToHaveTextAsync(["Agent", "Alice", "Connected"]);
        await agent.ScreenshotAsync("accepted");
        await Expect(supervisor.Row("live-sessions", Caller).Locator("td")).ToHaveTextAsync([Caller, CallerId, "Connected", "Connected", "Alice", "2"]);
        await supervisor.ScreenshotAsync("watching-the-call");

        // Hold and back, then a third party is dialled in.
        await agent.Button("Hold").ClickAsync();
        await Expect(agent.Row("members", "Caller").Locator("td")).ToHaveTextAsync(["Caller", Caller, "Hold"]);
        await Expect(agent.Button("Unhold")).ToBeEnabledAsync();
        await agent.ScreenshotAsync("held");
        await agent.Button("Unhold").ClickAsync();
        await Expect(agent.Row("members", "Caller").Locator("td")).ToHaveTextAsync(["Caller", Caller, "Connected"]);
        await agent.Page.GetByLabel("Add member (number)").FillAsync(Member);
        await agent.Button("Add member").ClickAsync();
        await Expect(agent.Rows("members")).ToHaveCountAsync(3);
        await Expect(agent.Row("members", Member).Locator("td").Last).ToHaveTextAsync("Connected");
        await Expect(supervisor.Row("live-sessions", Caller).Locator("td").Last).ToHaveTextAsync("3");
        await agent.ScreenshotAsync("member-added");

        // The agent ends the call: it leaves the supervisor's live sessions; wrap-up and complete free her again.
        await agent.Button("End").ClickAsync();
        await Expect(agent.Page.Locator("#call-summary")).ToHaveTextAsync($"Call with {Caller} ended.");
        await Expect(agent.Button("Hold")).ToBeDisabledAsync();
        await Expect(agent.Page.Locator("#members tbody td:nth-child(3)")).ToHaveTextAsync(["Not connected", "Not connected", "Not connected"]);
        await Expect(supervisor.Rows("live-sessions")).ToHaveCountAsync(0);
        await Expect(supervisor.Page.Locator("#live-sessions-none")).ToBeVisibleAsync();
        await agent.Button("Wrap up").ClickAsync();
        await Expect(agent.Page.Locator("#offer-status")).ToHaveTextAsync("Wrapping up");
        await agent.ScreenshotAsync("wrapping-up");
        await agent.Button("Complete").ClickAsync();
        await Expect(agent.Page.Locator("#offer-none")).ToHaveTextAsync("No offer right now.");
        await Expect(agent.Page.Locator("#call")).ToBeHiddenAsync();

        await agent.Button("Offline").ClickAsync();
        await Expect(supervisor.Row("workers", "Alice").Locator("td")).ToHaveTextAsync(["Alice", "Offline", "no"]);
        await agent.ScreenshotAsync("completed");
        await supervisor.ScreenshotAsync("after-the-call");
    }

    [Fact]
    public async Task An_offer_left_unanswered_shows_as_timed_out_and_the_caller_waits_on_in_the_queue()
    {
        var shots = new Screenshots("offer-times-out");
        var agent = new ConsolePage(await host.NewPageAsync(), shots, "agent");
        var (workspace, worker) = host.Tim;

        await agent.SignInAsAgentAsync(ConsoleHost.TimKey, workspace, worker);
        await Expect(agent.Connection).ToHaveTextAsync("Online");
        await agent.Button("Available").ClickAsync();
        await Expect(agent.Page.Locator("#activity-now")).ToHaveTextAsync("Available (taking calls)");
        await PlaceCallAsync(ForeignKey, Caller, ForeignCallerId);
        await Expect(agent.Page.Locator("#offer-status")).ToHaveTextAsync("Offered");
        await Expect(agent.Page.Locator("#offer-countdown")).ToHaveTextAsync(AnswerWithin());
        await agent.ScreenshotAsync("offered");

        await Expect(agent.Page.Locator("#offer-status")).ToHaveTextAsync("Timed out");
        await Expect(agent.Page.Locator("#offer-countdown")).ToHaveTextAsync($"Not answered within {ConsoleHost.ShortOfferTimeout} s.");
        await Expect(agent.Button("Accept")).ToBeHiddenAsync();
        await Expect(agent.Page.Locator("#offer-progress")).ToBeHiddenAsync();
        await agent.ScreenshotAsync("timed-out");

        // Tim is not offered it again: a supervisor sees the caller still waiting in the queue.
        var supervisor = new ConsolePage(await host.NewPageAsync(), shots, "supervisor");
        await supervisor.SignInAsSupervisorAsync(ForeignKey, workspace);
        var queue = supervisor.Row("queues", "Sales").Locator("td");
        await Expect(queue).ToHaveTextAsync([Exactly("Sales"), Exactly("1"), Exactly("0"), new Regex($@"^{Regex.Escape(Caller)} \(\d+ s\)$")]);
        await Expect(supervisor.Row("live-sessions", Caller).Locator("td").Nth(3)).ToHaveTextAsync("Queued");
        await supervisor.ScreenshotAsync("caller-waiting");

        // The network goes and comes back: the console says so, and carries on by itself.
        await supervisor.Page.Context.SetOfflineAsync(true);
        await Expect(supervisor.Connection).ToHaveTextAsync("Offline, reconnecting…");
        await supervisor.ScreenshotAsync("offline");
        await supervisor.Page.Context.SetOfflineAsync(false);
        await Expect(supervisor.Connection).ToHaveTextAsync("Online");
        await Expect(supervisor.Row("queues", "Sales").Locator("td").Nth(1)).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message_and_the_form_stays_usable_from_the_keyboard()
    {
        var agent = new ConsolePage(await host.NewPageAsync(), new Screenshots("wrong-key"), "agent");
        var (workspace, worker) = host.Alice;

        // Keyboard only: the fields follow one another in tab order and Enter signs in.
        await agent.Page.GotoAsync("/console");
        await agent.Page.GetByLabel("API key").FocusAsync();
        await agent.Page.Keyboard.TypeAsync("not-a-key");
        await agent.Page.Keyboard.PressAsync("Tab");
        await agent.Page.Keyboard.TypeAsync(workspace);
        await agent.Page.Keyboard.PressAsync("Tab");
        await agent.Page.Keyboard.TypeAsync(worker);
        await agent.Page.Keyboard.PressAsync("Enter");

        await Expect(agent.Page.Locator("#sign-in-problem")).ToHaveTextAsync("The key was refused: check it and try again. (Unauthorized)");
        await Expect(agent.Connection).ToHaveTextAsync("Error: Unauthorized (401)");
        await Expect(agent.Page.GetByLabel("API key")).ToBeFocusedAsync();
        await Expect(agent.Page.Locator("#agent")).ToBeHiddenAsync();
        await agent.ScreenshotAsync("refused");
    }

    [GeneratedRegex(@"^Answer within \d+ s$")]
    private static partial Regex AnswerWithin();

    private static Regex Exactly(string text) => new($"^{Regex.Escape(text)}$");

    private async Task PlaceCallAsync(string adminKey, string from, string to)
    {
        using var placed = await new SessionClient(host.Http, adminKey).SendAsync(HttpMethod.Post, "/simulator/calls/incoming", new { from, to });
        Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
    }
}
