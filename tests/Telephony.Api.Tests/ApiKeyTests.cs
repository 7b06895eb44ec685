using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Telephony.Api.Security;

namespace Telephony.Api.Tests;

/// <summary>Configuration may hold an API key's SHA-256 instead of the key; clear keys still work and are flagged.</summary>
public sealed class ApiKeyTests
{
    private const string Key = "tk_an-example-key-for-these-tests";

    [Fact]
    public void A_key_configured_by_its_hash_is_found_by_the_key_and_not_by_the_hash()
    {
        var registry = Registry(("KeySha256", ApiKeyHash.Of(Key)));

        Assert.Equal(("acme", ApiRoles.Admin, false), (registry.Find(Key)!.AccountId, registry.Find(Key)!.Role, registry.Find(Key)!.ConfiguredInClear));
        Assert.Null(registry.Find(ApiKeyHash.Of(Key)));
        Assert.Null(registry.Find(Key + "x"));
    }

    [Fact]
    public void A_hash_in_upper_case_is_the_same_hash()
    {
        Assert.NotNull(Registry(("KeySha256", ApiKeyHash.Of(Key).ToUpperInvariant())).Find(Key));
    }

    [Fact]
    public void A_key_configured_in_clear_still_works_and_is_flagged_for_the_start_up_warning()
    {
        var key = Registry(("Key", Key)).Find(Key);

        Assert.True(key!.ConfiguredInClear);
        Assert.Equal(ApiKeyHash.Of(Key), key.Hash);
    }

    [Theory]
    [InlineData("KeySha256", "not-a-hash", "Telephony:Accounts:0:ApiKeys:0:KeySha256 must be 64 hexadecimal digits (dotnet run --project api -- keys new prints one).")]
    [InlineData("Key", "short", "Telephony:Accounts:0:ApiKeys:0:KeySha256 (or Key, at least 8 characters) is required.")]
    public void A_bad_key_setting_stops_start_up_naming_it(string name, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Registry((name, value)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_key_given_both_ways_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Registry(("Key", Key), ("KeySha256", ApiKeyHash.Of(Key))));

        Assert.Equal("Telephony:Accounts:0:ApiKeys:0 has both Key and KeySha256; keep only KeySha256.", error.Message);
    }

    [Fact]
    public void The_keys_new_command_prints_a_fresh_key_and_its_hash()
    {
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.True(ApiKeyCommand.TryRun(["keys", "new"], first));
        Assert.True(ApiKeyCommand.TryRun(["keys", "new"], second));
        Assert.False(ApiKeyCommand.TryRun(["--urls", "http://127.0.0.1:8080"], TextWriter.Null));

        var lines = first.ToString().Split(Environment.NewLine);
        var key = lines[0]["key:       ".Length..];
        Assert.Matches("^tk_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal($"KeySha256: {ApiKeyHash.Of(key)}", lines[1]);
        Assert.NotEqual(first.ToString(), second.ToString());
    }

    [Fact]
    public async Task The_api_accepts_a_key_configured_by_its_hash()
    {
        var settings = SessionAccounts.Settings();
        settings.Remove("Telephony:Accounts:0:ApiKeys:0:Key");
        settings["Telephony:Accounts:0:ApiKeys:0:KeySha256"] = ApiKeyHash.Of(SessionAccounts.AdminKey);
        await using var api = new ApiFactory(settings);
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/active");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SessionAccounts.AdminKey);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_up_warns_about_keys_configured_in_clear_and_not_about_hashed_ones()
    {
        var clear = await StartUpWarningsAsync(SessionAccounts.Settings());
        var hashed = SessionAccounts.Settings();
        foreach (var index in new[] { "0:ApiKeys:0", "0:ApiKeys:1", "0:ApiKeys:2", "1:ApiKeys:0" })
        {
            hashed[$"Telephony:Accounts:{index}:KeySha256"] = ApiKeyHash.Of(hashed[$"Telephony:Accounts:{index}:Key"]!);
            hashed.Remove($"Telephony:Accounts:{index}:Key");
        }

        var none = await StartUpWarningsAsync(hashed);

        const string warning = "4 API key(s) are configured in clear (Key); configure their SHA-256 as KeySha256 instead (dotnet run --project api -- keys new)";
        Assert.Contains(warning, clear);
        Assert.DoesNotContain(none, w => w.Contains("configured in clear", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyCollection<string>> StartUpWarningsAsync(Dictionary<string, string?> settings)
    {
        using var capture = new LogCapture();
        await using var api = new ApiFactory(settings);
        await using var host = api.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(capture)));
        using var client = host.CreateClient();
        return [.. capture.Warnings];
    }

    private static ApiKeyRegistry Registry(params (string Name, string Value)[] key)
    {
        var settings = new Dictionary<string, string?> { ["Telephony:Accounts:0:Id"] = "acme", ["Telephony:Accounts:0:ApiKeys:0:Role"] = ApiRoles.Admin };
        foreach (var (name, value) in key)
        {
            settings[$"Telephony:Accounts:0:ApiKeys:0:{name}"] = value;
        }

        return ApiKeyRegistry.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
