using Orleans;

namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Identity and audit fields every Evo Voice entity carries.</summary>
[GenerateSerializer, Alias("telephony.EntityInfo"), Immutable]
public abstract record EntityInfo
{
    /// <summary>The entity's id.</summary>
    [Id(0)]
    public string? Id { get; init; }

    // Dates are DateTimeOffset so grains can compare them; System.Text.Json writes them as ISO 8601 strings, the seeds' string type.

    /// <summary>When the entity was created.</summary>
    [Id(1)]
    public DateTimeOffset? DateCreated { get; init; }

    /// <summary>When the entity was last changed.</summary>
    [Id(2)]
    public DateTimeOffset? DateLastModified { get; init; }

    /// <summary>The user who created the entity.</summary>
    [Id(3)]
    public string? CreatedBy { get; init; }

    /// <summary>The user who last changed the entity.</summary>
    [Id(4)]
    public string? LastModifiedBy { get; init; }
}
