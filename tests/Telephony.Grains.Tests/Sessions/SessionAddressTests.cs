using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>A session reaches a phone number (E.164) or a user, whose id is an email address.</summary>
public sealed class SessionAddressTests
{
    [Theory]
    [InlineData("bob@example.com")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("zoë\U0001F600@example.com")]
    public void An_email_is_a_user_id(string value)
    {
        Assert.True(SessionAddress.IsUserId(value));
        Assert.True(SessionAddress.IsValid(value));
    }

    [Fact]
    public void An_E164_number_is_an_address_but_not_a_user_id()
    {
        Assert.False(SessionAddress.IsUserId("+15551234567"));
        Assert.True(SessionAddress.IsValid("+15551234567"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bob")]
    [InlineData("@example.com")]
    [InlineData("bob@")]
    [InlineData("bob@localhost")]
    [InlineData("bob@example.")]
    [InlineData("bob@example..com")]
    [InlineData("bob@a@example.com")]
    [InlineData("bob smith@example.com")]
    [InlineData("bob\u0001@example.com")]
    [InlineData("bob\u007f@example.com")]
    [InlineData("bob\uFFFE@example.com")]
    [InlineData("bob@example.com\uFFFF")]
    [InlineData("12345")]
    public void Anything_else_is_neither(string? value)
    {
        Assert.False(SessionAddress.IsUserId(value));
        Assert.False(SessionAddress.IsValid(value));
    }

    [Fact]
    public void A_lone_surrogate_is_no_user_id()
    {
        // Built here: test data passed through xunit's serializer turns a lone surrogate into U+FFFD.
        var value = "bob" + '\uD800' + "@example.com";

        Assert.False(SessionAddress.IsUserId(value));
    }
}
