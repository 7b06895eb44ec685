using System.Globalization;

namespace Telephony.Browser.Tests;

/// <summary>A scenario's screenshots, numbered in the order taken, in the test output's <c>artifacts/{scenario}/</c>.</summary>
public sealed class Screenshots
{
    private readonly string _folder;
    private int _taken;

    /// <summary>Starts the scenario's folder afresh, so a run shows only its own steps.</summary>
    public Screenshots(string scenario)
    {
        _folder = Path.Combine(AppContext.BaseDirectory, "artifacts", scenario);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        Directory.CreateDirectory(_folder);
    }

    /// <summary>The path of the next screenshot, <c>{nn}-{name}.png</c>.</summary>
    public string Next(string name) =>
        Path.Combine(_folder, $"{Interlocked.Increment(ref _taken).ToString("D2", CultureInfo.InvariantCulture)}-{name}.png");
}
