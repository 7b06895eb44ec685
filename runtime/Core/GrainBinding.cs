using Telephony.Runtime.Core;

namespace Telephony.Runtime;

/// <summary>What a proxy needs to reach its grains: the grain class and the router of the silo that made it.</summary>
public sealed class GrainBinding
{
    internal GrainBinding(IGrainRouter router, GrainClass grainClass)
    {
        Router = router;
        Class = grainClass;
    }

    internal IGrainRouter Router { get; }

    internal GrainClass Class { get; }
}
