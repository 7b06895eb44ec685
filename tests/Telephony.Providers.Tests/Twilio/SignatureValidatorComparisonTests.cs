using System.Collections.Specialized;
using System.Text;
using Telephony.Providers.Twilio;
using Twilio.Security;

namespace Telephony.Providers.Tests.Twilio;

/// <summary>
/// Our <see cref="TwilioSignature"/> and the Twilio library's <see cref="RequestValidator"/> on the same vectors
/// (providers.md §4): each row states what each accepts, and ours accepts everything the library accepts.
/// </summary>
public sealed class SignatureValidatorComparisonTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string JsonBody = """{"property": "value", "boolean": true}""";
    private const string JsonBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string EmptyJsonHash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private readonly RequestValidator _library = new(Token);

    private static Dictionary<string, string> VoiceParameters() => new(StringComparer.Ordinal)
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    [Theory]
    // Published vectors, each validated against the URL it was computed for.
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, true)]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=", true, true)]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=", true, true)]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=", true, true)]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", true, true)]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=", true, true)]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=", true, true)]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=", true, true)]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=", true, true)]
    [InlineData("HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=", true, true)]
    [InlineData("http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=", true, true)]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=", true, true)]
    [InlineData("https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=", true, true)]
    [InlineData("https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=", true, true)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=", true, true)]
    // Signed with a port, checked without it, and the other way round.
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, true)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=", true, true)]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=", true, true)]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=", true, true)]
    // An explicit default port: the library reads no port from it and adds the same one again.
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", true, false)]
    // OyGYPqTF… signs http://mycompany.com/myapp.php?foo=1&bar=2 with the same parameters (computed with Python's hmac).
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=", true, true)]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=", true, false)]
    [InlineData("https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=", true, false)]
    // The host and scheme are signed as sent.
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false, false)]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false, false)]
    [InlineData("HTTPS://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false, false)]
    // Wrong signatures.
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=", false, false)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "WRONG_SIGNATURE", false, false)]
    public void Form_vector(string url, string signature, bool ours, bool library)
    {
        Assert.Equal(ours, TwilioSignature.IsValid(Token, url, VoiceParameters(), signature));
        Assert.Equal(library, _library.Validate(url, VoiceParameters(), signature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash, JsonBody, "a9nBmqA0ju/hNViExpshrM61xv4=", true, true)]
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=" + JsonBodyHash, JsonBody, "y77kIzt2vzLz71DgmJGsen2scGs=", true, true)]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2&bodySHA256=" + EmptyJsonHash, "{}", "Ldidvp12m26NI7eqEvxnEpkd9Hc=", true, true)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + EmptyJsonHash, "{}", "Ldidvp12m26NI7eqEvxnEpkd9Hc=", true, true)]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash, JsonBody, "a9nBmqA0ju/hNViExpshrM61xv4=", true, false)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash, """{"property": "other", "boolean": true}""", "a9nBmqA0ju/hNViExpshrM61xv4=", false, false)]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash, JsonBody, "y77kIzt2vzLz71DgmJGsen2scGs=", false, false)]
    [InlineData(Url, JsonBody, "RSOYDt4T1cUTdK1PDd93/VVr8B8=", false, false)]
    public void Json_body_vector(string url, string body, string signature, bool ours, bool library)
    {
        Assert.Equal(ours, TwilioSignature.IsValidJsonBody(Token, url, Encoding.UTF8.GetBytes(body), signature));
        Assert.Equal(library, _library.Validate(url, body, signature));
    }

    [Fact]
    public void A_repeated_name_validates_with_ours_only_as_the_library_takes_one_value_per_name()
    {
        var parameters = new NameValueCollection { { "Sid", "CA123" }, { "SidAccount", "AC123" }, { "Digits", "5678" }, { "Digits", "1234" } };
        KeyValuePair<string, string>[] pairs = [.. parameters.AllKeys.SelectMany(name => parameters.GetValues(name)!.Select(value => KeyValuePair.Create(name!, value)))];

        Assert.True(TwilioSignature.IsValid(Token, Url, pairs, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
        Assert.False(_library.Validate(Url, parameters, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    [Fact]
    public void A_missing_signature_is_refused_by_ours_and_thrown_on_by_the_library()
    {
        Assert.False(TwilioSignature.IsValid(Token, Url, VoiceParameters(), ""));
        Assert.Throws<ArgumentException>(() => _library.Validate(Url, VoiceParameters(), ""));
    }
}
