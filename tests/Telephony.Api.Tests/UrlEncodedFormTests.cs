using System.Text;
using Telephony.Api.Webhooks;

namespace Telephony.Api.Tests;

public sealed class UrlEncodedFormTests
{
    [Fact]
    public void Names_and_values_are_decoded_in_the_order_sent()
    {
        var pairs = Parse("To=%2B15557654321&Caller+Name=Ren%C3%A9e+O%27Brien&AccountSid=AC1");

        Assert.Equal([new("To", "+15557654321"), new("Caller Name", "Renée O'Brien"), new("AccountSid", "AC1")], pairs);
    }

    [Fact]
    public void A_repeated_name_keeps_each_value_in_order()
    {
        var pairs = Parse("StirPassportToken=b&CallSid=CA1&StirPassportToken=a");

        Assert.Equal([new("StirPassportToken", "b"), new("CallSid", "CA1"), new("StirPassportToken", "a")], pairs);
    }

    [Fact]
    public void A_name_without_a_value_is_empty_and_empty_pairs_are_skipped()
    {
        var pairs = Parse("&Digits&&ErrorCode=&CallSid=CA1&");

        Assert.Equal([new("Digits", ""), new("ErrorCode", ""), new("CallSid", "CA1")], pairs);
    }

    [Fact]
    public void An_escape_that_is_not_two_hex_digits_stays_as_written()
    {
        var pairs = Parse("Rate=100%&Code=%zz1&Tail=%4&Lower=%2b%3d");

        Assert.Equal([new("Rate", "100%"), new("Code", "%zz1"), new("Tail", "%4"), new("Lower", "+=")], pairs);
    }

    [Fact]
    public void An_empty_body_has_no_pairs()
    {
        Assert.Empty(Parse(""));
    }

    private static List<KeyValuePair<string, string>> Parse(string body) => UrlEncodedForm.Parse(Encoding.ASCII.GetBytes(body));
}
