namespace Telephony.Api.Hosting;

/// <summary>How the API node reaches the grains (<c>Telephony:Api:Mode</c>).</summary>
public enum ApiMode
{
    /// <summary>It co-hosts a silo: the one-node default, and a node of a cluster that also holds grains.</summary>
    Silo,

    /// <summary>It is an Orleans client front door to the cluster's silos and holds no grains.</summary>
    Client,
}
