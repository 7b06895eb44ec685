using System.Net;
using Microsoft.Playwright;
using Telephony.Api.Hosting;
using Telephony.Api.Tests;
using static Microsoft.Playwright.Assertions;

namespace Telephony.Browser.Tests;

/// <summary>
/// The newcomer's path: a node with no account configured, the console address it prints (workspace and worker filled
/// in), the agent key, and a Simulator call taken from offer to complete, with nothing made by hand first.
/// </summary>
public sealed class DevelopmentConsoleTests
{
    private const string Caller = "+15551230001";

    [Fact]
    public async Task A_newcomer_takes_a_simulated_call_in_the_console_of_a_node_with_no_account_configured()
    {
        SetDefaultExpectTimeout(60_000);
        await using var api = new ApiFactory(kestrel: true);
        var http = api.CreateClient();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = http.BaseAddress!.ToString() });
            context.SetDefaultTimeout(60_000);
            var agent = new ConsolePage(await context.NewPageAsync(), new Screenshots("development-account"), "agent");

            await agent.Page.GotoAsync($"console/?workspace={DevelopmentAccount.WorkspaceSid}&worker={DevelopmentAccount.WorkerSid}");
            await agent.Page.GetByLabel("API key").FillAsync(DevelopmentAccount.AgentKey);
            await agent.Button("Sign in").ClickAsync();
            await Expect(agent.Connection).ToHaveTextAsync("Online");
            await Expect(agent.Page.Locator("#agent-name")).ToHaveTextAsync("Agent");
            await Expect(agent.Page.Locator("#activity-now")).ToHaveTextAsync("Offline");
            await agent.Button("Available").ClickAsync();
            await Expect(agent.Page.Locator("#activity-now")).ToHaveTextAsync("Available (taking calls)");

            using var placed = await new SessionClient(http, DevelopmentAccount.AdminKey).SendAsync(
                HttpMethod.Post, "/simulator/calls/incoming", new { from = Caller, to = DevelopmentAccount.CallerId });
            Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
            await Expect(agent.Page.Locator("#offer-from")).ToHaveTextAsync($"Call from {Caller}");
            await agent.ScreenshotAsync("offered");
            await agent.Button("Accept").ClickAsync();
            await Expect(agent.Row("members", "Caller").Locator("td")).ToHaveTextAsync(["Caller", Caller, "Connected"]);
            await Expect(agent.Row("members", "Agent").Locator("td")).ToHaveTextAsync(["Agent", "Agent", "Connected"]);
            await agent.ScreenshotAsync("accepted");

            await agent.Button("End").ClickAsync();
            await Expect(agent.Page.Locator("#call-summary")).ToHaveTextAsync($"Call with {Caller} ended.");
            await agent.Button("Wrap up").ClickAsync();
            await Expect(agent.Page.Locator("#offer-status")).ToHaveTextAsync("Wrapping up");
            await agent.Button("Complete").ClickAsync();
            await Expect(agent.Page.Locator("#offer-none")).ToHaveTextAsync("No offer right now.");
            await agent.ScreenshotAsync("completed");
        }
    }
}
