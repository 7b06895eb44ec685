using System.Text;

namespace Telephony.Api.Tests.Hardening;

/// <summary>
/// For every route of the OpenAPI document that names an object, another account's User and Admin keys get exactly
/// the answer a missing id gets (404, same problem shape and title, same body but for the ids themselves), and the
/// objects stay as they were.
/// </summary>
public sealed class IsolationMatrixTests : IAsyncLifetime
{
    private HardeningWorld _world = null!;

    public async Task InitializeAsync() => _world = await HardeningWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Another_accounts_keys_get_for_every_existing_object_what_a_missing_id_gets()
    {
        var before = await _world.SnapshotAsync();
        var routes = (await ApiRoute.ReadAllAsync(_world.Client)).Where(r => r.PathParameters.Count > 0).ToList();
        var existing = _world.Guarded.ByParameter;
        var missing = ObjectIds.Missing().ByParameter;
        var mismatches = new List<string>();

        foreach (var route in routes)
        {
            var reference = await AnswerAsync(route, missing, HardeningWorld.OwnerAdminKey);
            if (!reference.StartsWith("404 application/problem+json ", StringComparison.Ordinal))
            {
                mismatches.Add($"{route} with a missing id: {reference}");
            }

            foreach (var key in new[] { HardeningWorld.ForeignUserKey, HardeningWorld.ForeignAdminKey })
            {
                foreach (var ids in Variants(route, existing, missing))
                {
                    var answer = await AnswerAsync(route, ids, key);
                    if (answer != reference)
                    {
                        mismatches.Add($"{route} as {key} at {route.Path(ids)}: {answer}\n    a missing id gets: {reference}");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(routes.Count >= 28, $"the OpenAPI document lists {routes.Count} routes with an id");
        Assert.Equal(before, await _world.SnapshotAsync());
    }

    /// <summary>Every id existing, then each one in turn replaced by a missing one.</summary>
    private static IEnumerable<IReadOnlyDictionary<string, string>> Variants(ApiRoute route, IReadOnlyDictionary<string, string> existing, IReadOnlyDictionary<string, string> missing)
    {
        yield return existing;
        foreach (var name in route.PathParameters)
        {
            yield return new Dictionary<string, string>(existing) { [name] = missing[name] };
        }
    }

    private async Task<string> AnswerAsync(ApiRoute route, IReadOnlyDictionary<string, string> ids, string key)
    {
        using var request = HardeningWorld.Request(route.Method, route.Path(ids), key);
        if (route.ValidBody is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return Answer.Comparable(await Answer.SendAsync(_world.Client, request), route.PathParameters.Select(name => (name, ids[name])));
    }
}
