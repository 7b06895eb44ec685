using Telephony.SiloHost;

namespace Telephony.Api.Hosting;

/// <summary>This API node: how it reaches the grains, and its name in health answers (<c>Telephony:Silo:Name</c>).</summary>
/// <param name="Mode">Co-hosted silo or client front door.</param>
/// <param name="Name">The node's name.</param>
public sealed record FrontDoor(ApiMode Mode, string Name)
{
    /// <summary>Reads <c>Telephony:Api:Mode</c> (default <c>Silo</c>); anything else fails with the setting's name.</summary>
    public static FrontDoor FromConfiguration(IConfiguration configuration)
    {
        var text = configuration["Telephony:Api:Mode"] ?? nameof(ApiMode.Silo);
        var mode = Enum.TryParse<ApiMode>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new SettingException("Telephony:Api:Mode", $"'{text}' is not a mode; use Silo (co-hosted, the default) or Client (a front door to the cluster's silos).");
        return new FrontDoor(mode, configuration.GetSection("Telephony:Silo").Get<TelephonySiloOptions>()?.Name ?? new TelephonySiloOptions().Name);
    }
}
