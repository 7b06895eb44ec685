namespace Telephony.StorageBench;

/// <summary>A grain state of typical size for a call (about 150 bytes of JSON).</summary>
public sealed class StorageBenchState
{
    public string? CallSid { get; set; }

    public string? Status { get; set; }

    public int Sequence { get; set; }

    public List<string> Legs { get; set; } = [];

    public Dictionary<string, long> Totals { get; set; } = [];

    public static StorageBenchState Sample(int sequence) => new()
    {
        CallSid = "CA" + sequence.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
        Status = "in-progress",
        Sequence = sequence,
        Legs = ["caller", "agent"],
        Totals = new() { ["seconds"] = sequence, ["transfers"] = 1 },
    };
}
