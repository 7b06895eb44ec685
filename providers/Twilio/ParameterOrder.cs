namespace Telephony.Providers.Twilio;

/// <summary>The order in which Twilio signs form parameters: by name, then by value, both ordinal.</summary>
internal sealed class ParameterOrder : IComparer<KeyValuePair<string, string>>
{
    public static readonly ParameterOrder Instance = new();

    public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
    {
        var byName = string.CompareOrdinal(x.Key, y.Key);
        return byName != 0 ? byName : string.CompareOrdinal(x.Value, y.Value);
    }
}
