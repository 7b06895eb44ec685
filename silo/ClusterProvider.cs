namespace Telephony.SiloHost;

/// <summary>Where the cluster's membership is kept (<c>Telephony:Cluster:Provider</c>).</summary>
public enum ClusterProvider
{
    /// <summary>One silo on loopback ports; nothing shared.</summary>
    Localhost,

    /// <summary>Membership in an Azure Table, so silos and clients on any machine find each other.</summary>
    AzureStorage,
}
