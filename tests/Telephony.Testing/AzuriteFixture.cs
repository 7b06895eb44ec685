using Xunit;

namespace Telephony.Testing;

/// <summary>One Azurite for the test classes that use it; each test makes tables of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The running emulator.</summary>
    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
