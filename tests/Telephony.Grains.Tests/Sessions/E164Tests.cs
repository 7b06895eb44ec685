using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>E.164: a plus sign, then 2 to 15 ASCII digits, the first not zero.</summary>
public sealed class E164Tests
{
    [Theory]
    [InlineData("+15551234567")]
    [InlineData("+442071838750")]
    [InlineData("+12")]
    [InlineData("+123456789012345")]
    public void Accepts_numbers_in_E164(string number)
    {
        Assert.True(E164.IsValid(number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("+1")]
    [InlineData("12345")]
    [InlineData("15551234567")]
    [InlineData("+0123")]
    [InlineData("+1 555")]
    [InlineData("+1 555 123 4567")]
    [InlineData("+1-555-123-4567")]
    [InlineData("+1555CALLNOW")]
    [InlineData("+1234567890123456")]
    [InlineData(" +15551234567")]
    [InlineData("+15551234567 ")]
    [InlineData("+١٥٥٥١٢٣٤٥٦٧")]
    [InlineData("bob@example.com")]
    public void Refuses_anything_else(string? number)
    {
        Assert.False(E164.IsValid(number));
    }
}
