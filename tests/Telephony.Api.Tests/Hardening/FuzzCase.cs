namespace Telephony.Api.Tests.Hardening;

/// <summary>Whose key a generated request carries.</summary>
public enum FuzzKey
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>A bearer key nobody configured.</summary>
    Junk,

    /// <summary>Another account's User key.</summary>
    ForeignUser,

    /// <summary>Another account's Admin key.</summary>
    ForeignAdmin,

    /// <summary>The owning account's User key.</summary>
    OwnerUser,

    /// <summary>The owning account's Admin key.</summary>
    OwnerAdmin,
}

/// <summary>
/// A generated request and, when it is a foreign key's request for guarded objects, the same request naming missing
/// ids instead, whose answer it must equal.
/// </summary>
/// <param name="Request">The request.</param>
/// <param name="MissingTwin">The same request for missing ids, or null when the comparison does not apply.</param>
/// <param name="PathParameters">The route's parameter values in <paramref name="Request"/> and in the twin, to write both answers alike.</param>
public sealed record FuzzCase(FuzzRequest Request, FuzzRequest? MissingTwin, IReadOnlyList<(string Name, string Value, string TwinValue)> PathParameters)
{
    /// <inheritdoc />
    public override string ToString() => Request.ToString();
}
