using CsCheck;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Telephony.Api.Tests.Hardening;

/// <summary>
/// Generated bad requests over every route of the OpenAPI document and every webhook, with every kind of key. None
/// gets a 5xx (but the documented 502 of an unreachable provider) or hangs; every 4xx is problem details; the guarded
/// objects are byte-for-byte as before; and a foreign key's answer about an existing object equals its answer about
/// a missing one.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    // About 17 s and 6 s on a two-core machine; TELEPHONY_FUZZ_ITERATIONS runs longer campaigns.
    private const int ApiCases = 2_500;
    private const int WebhookCases = 1_500;

    private HardeningWorld _world = null!;

    // No key is throttled here: a 429 for one of a pair of compared requests would read as a difference.
    public async Task InitializeAsync() =>
        _world = await HardeningWorld.CreateAsync(new Dictionary<string, string?> { ["Telephony:Limits:ApiKeyBurst"] = "1000000" }, kestrel: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Bad_requests_to_the_api_never_fail_the_server_nor_change_guarded_objects_and_tell_foreign_keys_nothing()
    {
        var before = await _world.SnapshotAsync();
        var generators = new FuzzGenerators(_world, await ApiRoute.ReadAllAsync(_world.Client));

        await FuzzRunner.RunAsync(generators.ApiRequest(), CheckAsync, FuzzRunner.Iterations(ApiCases), FuzzRunner.Seed, output);

        Assert.Equal(before, await _world.SnapshotAsync());
    }

    [Fact]
    public async Task Mutated_provider_callbacks_never_fail_the_server_nor_change_guarded_objects()
    {
        var before = await _world.SnapshotAsync();
        var generators = new FuzzGenerators(_world, []);

        await FuzzRunner.RunAsync(Gen.Frequency((1, generators.TwilioCallback()), (1, generators.BandwidthCallback())), CheckAsync, FuzzRunner.Iterations(WebhookCases), FuzzRunner.Seed, output);

        Assert.Equal(before, await _world.SnapshotAsync());
    }

    /// <summary>Kestrel refuses an unreadable request line or oversized headers itself, with no body, before any of our code runs.</summary>
    private static bool AnsweredByKestrel((int Status, string? MediaType, string Body) answer) =>
        answer.Status is 400 or 414 or 431 && answer.MediaType is null && answer.Body.Length == 0;

    private async Task CheckAsync(FuzzCase fuzz)
    {
        using var request = fuzz.Request.ToMessage();
        var answer = await Answer.SendAsync(_world.Client, request);
        if (answer.Status >= 500 && answer.Status != 502)
        {
            throw new XunitException($"{answer.Status}: {answer.Body}");
        }

        if (answer.Status >= 400 && fuzz.Request.Method != "HEAD" && answer.MediaType != "application/problem+json" && !AnsweredByKestrel(answer))
        {
            throw new XunitException($"{answer.Status} without problem details ({answer.MediaType}): {answer.Body}");
        }

        if (fuzz.MissingTwin is { } twin)
        {
            using var twinRequest = twin.ToMessage();
            var missing = Answer.Comparable(await Answer.SendAsync(_world.Client, twinRequest), fuzz.PathParameters.Select(p => (p.Name, p.TwinValue)));
            var existing = Answer.Comparable(answer, fuzz.PathParameters.Select(p => (p.Name, p.Value)));
            if (existing != missing)
            {
                throw new XunitException($"A foreign key is answered differently for an existing object:\n  {existing}\nand a missing one:\n  {missing}");
            }
        }
    }
}
