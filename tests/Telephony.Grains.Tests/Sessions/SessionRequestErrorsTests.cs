using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.GrainInterfaces.Sessions;

namespace Telephony.Grains.Tests.Sessions;

/// <summary>A body that cannot be read becomes validation errors naming the field, for a 400 problem response.</summary>
public sealed class SessionRequestErrorsTests
{
    [Fact]
    public void An_unknown_enum_becomes_an_error_on_that_field_listing_the_allowed_names()
    {
        var errors = ErrorsReading("""{"sessionId":"ses_1","reason":"Paused"}""", SessionJsonContext.Default.HoldSession);

        Assert.Equal(
            new Dictionary<string, string[]> { ["reason"] = ["'reason': 'Paused' is not one of: None, Transferring."] },
            errors);
    }

    [Fact]
    public void An_unknown_enum_in_a_patch_names_that_field()
    {
        var errors = ErrorsReading("""{"callState":"Muted"}""", SessionJsonContext.Default.PatchSession);

        Assert.Equal(
            new Dictionary<string, string[]> { ["callState"] = ["'callState': 'Muted' is not one of: Disconnected, Ringing, Connected, Hold, Passive."] },
            errors);
    }

    [Fact]
    public void A_channel_that_is_not_a_channel_names_the_field()
    {
        var errors = ErrorsReading("""{"channel":"Pigeon","destination":"+15551230000"}""", SessionJsonContext.Default.NewSession);

        Assert.Equal(["channel"], errors.Keys);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_field_without_dotnet_type_names()
    {
        var errors = ErrorsReading("""{"sessionId":"ses_1","destination":5}""", SessionJsonContext.Default.AddConferenceMember);

        Assert.Equal(
            new Dictionary<string, string[]> { ["destination"] = ["'destination' has a value of the wrong type."] },
            errors);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void A_body_that_is_not_a_JSON_object_is_an_error_on_the_body(string body)
    {
        var errors = ErrorsReading(body, SessionJsonContext.Default.InviteChatMember);

        Assert.Equal(
            new Dictionary<string, string[]> { [SessionRequestErrors.BodyField] = ["The request body is not a valid JSON object for this request."] },
            errors);
    }

    [Theory]
    [InlineData("$.reason", "reason")]
    [InlineData("$.members[0].role", "members[0].role")]
    [InlineData("$['odd name']", "['odd name']")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    public void A_JSON_path_becomes_the_wire_field_name(string? path, string field)
    {
        Assert.Equal(field, SessionRequestErrors.FieldFromPath(path));
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsReading<T>(string body, JsonTypeInfo<T> typeInfo)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(body, typeInfo));
        return SessionRequestErrors.FromJsonException(error);
    }
}
