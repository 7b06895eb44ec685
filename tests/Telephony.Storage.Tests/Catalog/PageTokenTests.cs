using Telephony.Catalog;

namespace Telephony.Storage.Tests.Catalog;

/// <summary>Continuation tokens: a position comes back exactly, and nothing else reads as one.</summary>
public sealed class PageTokenTests
{
    [Theory]
    [InlineData(0L, "a")]
    [InlineData(638_999_999_999_999_999L, "0f5c2a9e4b7d4c1fa3e2b6d8c9a0e1f2")]
    [InlineData(1L, "ünïcode/+=?&")]
    public void A_token_gives_back_the_position_it_was_made_from(long ticks, string id)
    {
        var position = new CatalogPosition(ticks, id);

        var token = PageToken.Encode(position);

        Assert.True(PageToken.TryDecode(token, out var decoded));
        Assert.Equal(position, decoded);
        Assert.DoesNotContain(token, c => c is '+' or '/' or '=');
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AQ")]
    [InlineData("AgAAAAAAAAAAYQ")]
    [InlineData("AQAAAAAAAAAAYQ==")]
    [InlineData("AX__________YQ")]
    public void Anything_not_made_by_encode_is_refused(string? token)
    {
        Assert.False(PageToken.TryDecode(token, out _));
    }

    [Fact]
    public void A_token_of_an_over_long_id_is_refused()
    {
        var token = PageToken.Encode(new CatalogPosition(5, new string('x', 400)));

        Assert.False(PageToken.TryDecode(token, out _));
    }
}
