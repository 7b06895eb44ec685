using System.Security.Cryptography;
using System.Text;
using Telephony.Providers.Twilio;

namespace Telephony.Providers.Tests.Twilio;

/// <summary>The test vectors of providers.md §4, plus tampering cases.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string UrlSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string JsonBody = """{"property": "value", "boolean": true}""";
    private const string JsonBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string EmptyJsonHash = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    private static KeyValuePair<string, string>[] VoiceParameters(string from = "+14158675309", string caller = "+14158675309") =>
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", caller),
        new("Digits", "1234"),
        new("From", from),
        new("To", "+18005551212"),
    ];

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=")]
    [InlineData("http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=")]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=")]
    [InlineData("https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=")]
    [InlineData("https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=")]
    public void Table_vector_computes_and_validates(string url, string signature)
    {
        Assert.Equal(signature, TwilioSignature.Compute(Token, url, VoiceParameters()));
        Assert.True(TwilioSignature.IsValid(Token, url, VoiceParameters(), signature));
    }

    [Fact]
    public void First_row_signs_the_url_followed_by_sorted_names_and_values()
    {
        const string signed = "https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212";

        Assert.Equal(TwilioSignature.Compute(Token, signed), TwilioSignature.Compute(Token, Url, VoiceParameters()));
    }

    [Theory]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=")]
    [InlineData("https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=")]
    public void Port_variant_of_the_url_is_accepted(string url, string signature)
    {
        Assert.True(TwilioSignature.IsValid(Token, url, VoiceParameters(), signature));
    }

    [Theory]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://MyCompany.com:1234/myapp.php?foo=1&bar=2")]
    [InlineData("http://MyCompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("HTTPS://mycompany.com/myapp.php?foo=1&bar=2")]
    public void Mixed_case_url_fails_against_the_lowercase_signature(string url)
    {
        Assert.False(TwilioSignature.IsValid(Token, url, VoiceParameters(), UrlSignature));
    }

    [Theory]
    [InlineData("NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("WRONG_SIGNATURE")]
    [InlineData("rsoydt4t1cutdk1pdd93/vvr8b8=")]
    // The next two decode to the right MAC in lenient Base64 decoders: the signature is compared as text.
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B9=")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8")]
    public void Wrong_signature_fails(string signature)
    {
        Assert.False(TwilioSignature.IsValid(Token, Url, VoiceParameters(), signature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_signature_fails(string? signature)
    {
        Assert.False(TwilioSignature.IsValid(Token, Url, VoiceParameters(), signature));
        Assert.False(TwilioSignature.IsValid(Token, Url, signature));
        Assert.False(TwilioSignature.IsValidJsonBody(Token, $"{Url}&bodySHA256={JsonBodyHash}", Encoding.UTF8.GetBytes(JsonBody), signature));
    }

    [Fact]
    public void Changed_parameter_fails()
    {
        var tampered = VoiceParameters();
        tampered[2] = new("Digits", "9999");

        Assert.False(TwilioSignature.IsValid(Token, Url, tampered, UrlSignature));
    }

    [Fact]
    public void Added_parameter_fails()
    {
        KeyValuePair<string, string>[] extended = [.. VoiceParameters(), new("Extra", "1")];

        Assert.False(TwilioSignature.IsValid(Token, Url, extended, UrlSignature));
    }

    [Fact]
    public void Wrong_token_fails()
    {
        Assert.False(TwilioSignature.IsValid("54321", Url, VoiceParameters(), UrlSignature));
    }

    [Fact]
    public void Tokens_used_in_turn_on_one_thread_each_sign_with_their_own_key()
    {
        const string signed = "https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675309Digits1234From+14158675309To+18005551212";
        var otherSignature = Convert.ToBase64String(HMACSHA1.HashData("54321"u8, Encoding.UTF8.GetBytes(signed)));

        Assert.Equal(UrlSignature, TwilioSignature.Compute(Token, Url, VoiceParameters()));
        Assert.Equal(otherSignature, TwilioSignature.Compute("54321", Url, VoiceParameters()));
        Assert.True(TwilioSignature.IsValid(Token, Url, VoiceParameters(), UrlSignature));
        Assert.False(TwilioSignature.IsValid("54321", Url, VoiceParameters(), UrlSignature));
        Assert.True(TwilioSignature.IsValid("54321", Url, VoiceParameters(), otherSignature));
    }

    [Fact]
    public void Parameter_order_does_not_matter()
    {
        Assert.True(TwilioSignature.IsValid(Token, Url, VoiceParameters().Reverse(), UrlSignature));
    }

    [Fact]
    public void Repeated_parameter_appends_every_value_in_sorted_order()
    {
        KeyValuePair<string, string>[] parameters =
        [
            new("Sid", "CA123"),
            new("SidAccount", "AC123"),
            new("Digits", "5678"),
            new("Digits", "1234"),
        ];

        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSignature.Compute(Token, Url, parameters));
        Assert.Equal(TwilioSignature.Compute(Token, Url + "Digits1234Digits5678SidCA123SidAccountAC123"), TwilioSignature.Compute(Token, Url, parameters));
        Assert.True(TwilioSignature.IsValid(Token, Url, parameters, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    [Theory]
    [InlineData("+1325xxxxxxx", "+1415xxxxxxx")]
    [InlineData("+1415xxxxxxx", "+1325xxxxxxx")]
    public void Messaging_binding_address_list_validates_in_either_order(string first, string second)
    {
        KeyValuePair<string, string>[] parameters = [new("MessagingBinding.Address", first), new("MessagingBinding.Address", second)];

        Assert.Equal("83O6e2vORAoJHUNzJjDWN1jz+BA=", TwilioSignature.Compute(Token, Url, parameters));
        Assert.True(TwilioSignature.IsValid(Token, Url, parameters, "83O6e2vORAoJHUNzJjDWN1jz+BA="));
    }

    [Fact]
    public void Old_documentation_vector_validates()
    {
        var parameters = VoiceParameters(from: "+12349013030", caller: "+12349013030");

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute(Token, Url, parameters));
        Assert.True(TwilioSignature.IsValid(Token, Url, parameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Fact]
    public void Get_request_signs_the_url_only()
    {
        var signature = TwilioSignature.Compute(Token, Url);

        Assert.True(TwilioSignature.IsValid(Token, Url, signature));
        Assert.False(TwilioSignature.IsValid(Token, Url, UrlSignature));
        Assert.False(TwilioSignature.IsValid(Token, Url + "&baz=3", signature));
    }

    [Theory]
    [InlineData("""{"property": "value", "boolean": true}""", JsonBodyHash)]
    [InlineData("{}", EmptyJsonHash)]
    public void Body_hash_is_lowercase_hex_sha256(string body, string hash)
    {
        Assert.Equal(hash, TwilioSignature.ComputeBodyHash(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash, "a9nBmqA0ju/hNViExpshrM61xv4=")]
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=" + JsonBodyHash, "y77kIzt2vzLz71DgmJGsen2scGs=")]
    public void Json_body_vector_computes_and_validates(string url, string signature)
    {
        Assert.Equal(signature, TwilioSignature.Compute(Token, url));
        Assert.True(TwilioSignature.IsValidJsonBody(Token, url, Encoding.UTF8.GetBytes(JsonBody), signature));
    }

    [Fact]
    public void Empty_json_body_vector_computes_with_port_and_validates_without_it()
    {
        const string withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2&bodySHA256=" + EmptyJsonHash;
        const string withoutPort = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + EmptyJsonHash;

        Assert.Equal("Ldidvp12m26NI7eqEvxnEpkd9Hc=", TwilioSignature.Compute(Token, withPort));
        Assert.True(TwilioSignature.IsValidJsonBody(Token, withPort, "{}"u8, "Ldidvp12m26NI7eqEvxnEpkd9Hc="));
        Assert.True(TwilioSignature.IsValidJsonBody(Token, withoutPort, "{}"u8, "Ldidvp12m26NI7eqEvxnEpkd9Hc="));
    }

    [Fact]
    public void Json_body_without_hash_in_url_fails()
    {
        Assert.False(TwilioSignature.IsValidJsonBody(Token, Url, Encoding.UTF8.GetBytes(JsonBody), UrlSignature));
        Assert.False(TwilioSignature.IsValidJsonBody(Token, Url, Encoding.UTF8.GetBytes(JsonBody), TwilioSignature.Compute(Token, Url)));
    }

    [Fact]
    public void Json_body_that_does_not_match_its_hash_fails()
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash;

        Assert.False(TwilioSignature.IsValidJsonBody(Token, url, """{"property": "other", "boolean": true}"""u8, "a9nBmqA0ju/hNViExpshrM61xv4="));
    }

    [Fact]
    public void Json_body_with_wrong_url_signature_fails()
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + JsonBodyHash;

        Assert.False(TwilioSignature.IsValidJsonBody(Token, url, Encoding.UTF8.GetBytes(JsonBody), "y77kIzt2vzLz71DgmJGsen2scGs="));
    }
}
