namespace Telephony.Catalog;

/// <summary>How stores write a <see cref="RoutingKind"/>: its name in lower case.</summary>
public static class RoutingKindNames
{
    /// <summary>The stored name of <paramref name="kind"/>.</summary>
    public static string Of(RoutingKind kind) => kind switch
    {
        RoutingKind.Task => "task",
        RoutingKind.Worker => "worker",
        RoutingKind.Reservation => "reservation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a routing kind."),
    };

    /// <summary>The kind a stored name names.</summary>
    public static RoutingKind Parse(string name) => name switch
    {
        "task" => RoutingKind.Task,
        "worker" => RoutingKind.Worker,
        "reservation" => RoutingKind.Reservation,
        _ => throw new FormatException($"'{name}' is not a routing kind."),
    };
}
