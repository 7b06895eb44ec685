using Telephony.GrainInterfaces.Routing;

namespace Telephony.Grains.Tests.Routing;

/// <summary>Sids and the workspace-scoped grain keys built from them.</summary>
public sealed class RoutingSidsTests
{
    [Theory]
    [InlineData(RoutingSids.WorkspacePrefix)]
    [InlineData(RoutingSids.WorkerPrefix)]
    [InlineData(RoutingSids.TaskQueuePrefix)]
    [InlineData(RoutingSids.TaskPrefix)]
    [InlineData(RoutingSids.ReservationPrefix)]
    public void A_new_sid_is_its_prefix_and_32_lowercase_hex_digits_and_never_repeats(string prefix)
    {
        var sid = RoutingSids.New(prefix);

        Assert.Matches($"^{prefix}[0-9a-f]{{32}}$", sid);
        Assert.True(RoutingSids.IsValid(prefix, sid));
        Assert.NotEqual(sid, RoutingSids.New(prefix));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("WK")]
    [InlineData("WR0123456789abcdef0123456789abcdef")]
    [InlineData("WK0123456789abcdef0123456789abcde")]
    [InlineData("WK0123456789abcdef0123456789abcdeg")]
    public void Anything_else_is_not_a_valid_worker_sid(string? value) => Assert.False(RoutingSids.IsValid(RoutingSids.WorkerPrefix, value));

    [Fact]
    public void A_well_known_sid_is_its_number_in_32_zero_padded_hex_digits()
    {
        Assert.Equal("WK0000000000000000000000000000002a", RoutingSids.WellKnown(RoutingSids.WorkerPrefix, 42));
        Assert.True(RoutingSids.IsValid(RoutingSids.WorkerPrefix, RoutingSids.WellKnown(RoutingSids.WorkerPrefix, uint.MaxValue)));
    }

    [Fact]
    public void A_scoped_key_splits_back_into_workspace_and_sid()
    {
        var key = RoutingSids.ScopedKey("WS1", "WK2");

        Assert.Equal("WS1/WK2", key);
        Assert.Equal(("WS1", "WK2"), RoutingSids.SplitScopedKey(key));
        Assert.Throws<FormatException>(() => RoutingSids.SplitScopedKey("WS1"));
    }
}
