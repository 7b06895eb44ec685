using System.Text;
using Telephony.Providers.Bandwidth;

namespace Telephony.Providers.Tests.Bandwidth;

public sealed class BandwidthCallbackAuthenticatorTests
{
    private static readonly BandwidthSettings Settings = new()
    {
        AccountId = "9900000",
        ApplicationId = "04e88489-df02-4e34-a0ee-27a91849555f",
        Username = "api-user",
        Password = "api-secret",
        CallbackUsername = "bw-callbacks",
        CallbackPassword = "s3cret:with-colon",
    };

    [Fact]
    public void Right_callback_credentials_pass()
    {
        Assert.True(BandwidthCallbackAuthenticator.IsValid(Basic("bw-callbacks:s3cret:with-colon"), Settings));
    }

    [Fact]
    public void Scheme_name_is_case_insensitive()
    {
        var header = "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bw-callbacks:s3cret:with-colon"));

        Assert.True(BandwidthCallbackAuthenticator.IsValid(header, Settings));
    }

    [Theory]
    [InlineData("bw-callbacks:wrong")]
    [InlineData("bw-callbacks:s3cret:with-colo")]
    [InlineData("bw-callbacks:")]
    [InlineData("someone-else:s3cret:with-colon")]
    [InlineData("api-user:api-secret")]
    [InlineData("bw-callbacks")]
    public void Wrong_credentials_fail(string credentials)
    {
        Assert.False(BandwidthCallbackAuthenticator.IsValid(Basic(credentials), Settings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic ")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic YnctY2FsbGJhY2tz")]
    [InlineData("Basic //79")]
    [InlineData("Bearer YnctY2FsbGJhY2tzOnMzY3JldDp3aXRoLWNvbG9u")]
    [InlineData("Digest username=\"bw-callbacks\"")]
    public void Missing_or_garbled_header_fails_without_throwing(string? header)
    {
        Assert.False(BandwidthCallbackAuthenticator.IsValid(header, Settings));
        Assert.Null(BandwidthCallbackAuthenticator.ReadUsername(header));
    }

    [Fact]
    public void User_name_is_read_to_find_the_account()
    {
        Assert.Equal("bw-callbacks", BandwidthCallbackAuthenticator.ReadUsername(Basic("bw-callbacks:anything")));
    }

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
}
