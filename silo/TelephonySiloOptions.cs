namespace Telephony.SiloHost;

/// <summary>The silo's settings (configuration section <c>Telephony:Silo</c>), mapped onto Orleans' options.</summary>
public sealed class TelephonySiloOptions
{
    /// <summary>The silo's name in logs, membership and health answers.</summary>
    public string Name { get; set; } = Environment.MachineName;

    /// <summary>
    /// The IP address other silos and clients reach this silo at, when clustered on Azure Storage (it also listens
    /// there); unset, Orleans picks one of the machine's. Localhost clustering always uses loopback.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Idle time after which a grain is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle grains are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);
}
