using Microsoft.Playwright;

namespace Telephony.Browser.Tests;

/// <summary>
/// The system Chromium (<c>/usr/bin/chromium</c>, installed by apt) driven by Playwright's bundled driver. Playwright
/// never downloads a browser here; a machine without Chromium fails the tests saying how to install it.
/// </summary>
public static class Chromium
{
    /// <summary>Where apt installs Chromium.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Starts Playwright and a headless Chromium (the one at <paramref name="executablePath"/>, apt's by default).</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(string executablePath = ExecutablePath)
    {
        if (!File.Exists(executablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {executablePath}: the browser tests drive it (apt-get install -y chromium; .ci/run does this).");
        }

        // Only the driver bundled in the Microsoft.Playwright package runs: nothing may reach for a browser download.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = ["--no-sandbox"],
                Timeout = 120_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
