namespace Telephony.Providers.Bandwidth;

/// <summary>Bandwidth's rule for conference names: 1 to 100 characters from <c>[A-Za-z0-9-_.]</c>.</summary>
public static class BandwidthConferenceName
{
    /// <summary>The longest name Bandwidth accepts.</summary>
    public const int MaxLength = ProviderIdentifier.MaxConferenceNameLength;

    /// <summary>True when Bandwidth accepts <paramref name="name"/> as a conference name.</summary>
    public static bool IsValid(string? name) => ProviderIdentifier.IsValid(name, MaxLength);

    /// <summary>Throws <see cref="ArgumentException"/> when Bandwidth would refuse <paramref name="name"/>.</summary>
    public static void EnsureValid(string name, string parameterName)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"Bandwidth conference names are 1 to {MaxLength} characters from A-Z, a-z, 0-9, '-', '_' and '.'; got \"{name}\".",
                parameterName);
        }
    }
}
