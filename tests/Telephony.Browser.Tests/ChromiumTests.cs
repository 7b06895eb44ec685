namespace Telephony.Browser.Tests;

/// <summary>A machine without Chromium fails the browser tests with a message that says how to install it, never skips them.</summary>
public sealed class ChromiumTests
{
    [Fact]
    public async Task A_missing_chromium_fails_saying_how_to_install_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-chromium-{Guid.NewGuid():N}");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Chromium.LaunchAsync(missing));

        Assert.Equal($"Chromium is not installed at {missing}: the browser tests drive it (apt-get install -y chromium; .ci/run does this).", failure.Message);
    }
}
