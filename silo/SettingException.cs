namespace Telephony.SiloHost;

/// <summary>A setting that is missing or wrong, named in the message so start-up fails with one line that says what to fix.</summary>
public sealed class SettingException : InvalidOperationException
{
    /// <summary>A problem with <paramref name="setting"/> (a configuration key, such as <c>Telephony:Storage:Provider</c>).</summary>
    public SettingException(string setting, string problem, Exception? inner = null)
        : base($"{setting}: {problem}", inner)
    {
        Setting = setting;
    }

    /// <summary>The configuration key at fault.</summary>
    public string Setting { get; }
}
