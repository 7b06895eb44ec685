using Microsoft.Playwright;

namespace Telephony.Browser.Tests;

/// <summary>
/// One person's console in the browser: signs in, finds its parts by their labels and roles as a keyboard or screen
/// reader user would, and saves a screenshot of each step in the scenario's <see cref="Screenshots"/>.
/// </summary>
public sealed class ConsolePage(IPage page, Screenshots screenshots, string who)
{
    /// <summary>The page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The connection state in the header.</summary>
    public ILocator Connection => Page.Locator("#connection");

    /// <summary>Opens <c>/console</c> and signs in as the agent of <paramref name="worker"/>.</summary>
    public Task SignInAsAgentAsync(string key, string workspace, string worker) => SignInAsync("agent", key, workspace, worker);

    /// <summary>Opens <c>/console</c> and signs in as a supervisor of <paramref name="workspace"/>.</summary>
    public Task SignInAsSupervisorAsync(string key, string workspace) => SignInAsync("supervisor", key, workspace, null);

    /// <summary>The button named <paramref name="name"/>.</summary>
    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    /// <summary>The rows of the table <paramref name="id"/>'s body.</summary>
    public ILocator Rows(string id) => Page.Locator($"#{id} tbody tr");

    /// <summary>The body row of table <paramref name="id"/> that mentions <paramref name="text"/>.</summary>
    public ILocator Row(string id, string text) => Rows(id).Filter(new LocatorFilterOptions { HasText = text });

    /// <summary>Saves the page as it is now as the scenario's next screenshot, named after who took which step.</summary>
    public Task ScreenshotAsync(string step) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshots.Next($"{who}-{step}"), FullPage = true });

    private async Task SignInAsync(string view, string key, string workspace, string? worker)
    {
        await Page.GotoAsync("/console");
        await Page.GetByLabel(view == "agent" ? "Agent: take calls as a worker" : "Supervisor: watch the workspace (Admin key)").CheckAsync();
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByLabel("Workspace sid").FillAsync(workspace);
        if (worker is not null)
        {
            await Page.GetByLabel("Worker sid").FillAsync(worker);
        }

        await Button("Sign in").ClickAsync();
    }
}
