using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Telephony.Testing;
using Telephony.Testing.Cluster;
using Xunit.Abstractions;

namespace Telephony.Cluster.Tests;

/// <summary>
/// Three headless silos and two client front doors, each a process of its own, on Azurite. A driver sends signed
/// Twilio and Bandwidth callbacks and API calls to both front doors and kills a silo with SIGKILL under that load.
/// </summary>
public sealed partial class SiloFailureTests(ITestOutputHelper output)
{
    private const int TimeoutOffers = 12;
    private const int AcceptRaces = 100;
    private const int LoadConcurrency = 6;

    [Fact]
    public async Task A_silo_killed_under_load_loses_no_acknowledged_callback_and_the_cluster_recovers()
    {
        var logs = Path.Combine(AppContext.BaseDirectory, "artifacts", "cluster", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        await using var cluster = await LocalCluster.StartAsync(logs);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(45) };
        var closedPort = LoopbackPorts.Take(1)[0];

        // Workspaces, queues and agents are made on a one-node cluster of their own that shares the service id, so the
        // cluster under test starts with them stored and its accounts route incoming calls to them.
        var provisioner = cluster.StartApi("provisioner", cluster.Settings("provisioning", ClusterAccounts.Settings(closedPort)), mode: "Silo");
        await cluster.WaitReadyAsync(http, silos: 1);
        var timeouts = await ProvisionAsync(http, provisioner, ClusterAccounts.Timeouts, TimeoutOffers, reservationTimeout: 20);
        var accepts = await ProvisionAsync(http, provisioner, ClusterAccounts.Accepts, AcceptRaces, reservationTimeout: 900);
        await cluster.StopApisAsync();

        var routing = new Dictionary<string, (string, string)>
        {
            [ClusterAccounts.Timeouts.Id] = (timeouts.Workspace, timeouts.Queue),
            [ClusterAccounts.Accepts.Id] = (accepts.Workspace, accepts.Queue),
        };
        var settings = cluster.Settings("under-test", ClusterAccounts.Settings(closedPort, routing));
        for (var i = 1; i <= 3; i++)
        {
            cluster.StartSilo($"silo{i}", settings);
        }

        cluster.StartApi("api1", settings);
        cluster.StartApi("api2", settings);
        await cluster.WaitReadyAsync(http, silos: 3);
        var traffic = new Traffic(http, cluster.ApiUrls);

        // Load: incoming calls that ring and hang up, every fourth delivered to both front doors at once, beside API reads.
        using var stopLoad = new CancellationTokenSource();
        var calls = new ConcurrentBag<LoadCall>();
        var load = Task.WhenAll(Enumerable.Range(0, LoadConcurrency).Select(lane => RunLoadAsync(traffic, lane, calls, stopLoad.Token)));
        await Eventually.Until(() => calls.Count >= 30, "the load is under way", TimeSpan.FromMinutes(2));

        // Offers to let time out, then the silo holding most of them is killed.
        var offered = await OfferAsync(traffic, cluster, timeouts);
        var victim = cluster.Silos.MaxBy(s => offered.Count(o => o.Value == s.Name))!;
        var onVictim = offered.Where(o => o.Value == victim.Name).Select(o => o.Key).ToList();
        victim.Kill();
        var killedAt = traffic.Now;
        output.WriteLine($"{victim.Name} killed at {killedAt.TotalSeconds:F1} s holding {onVictim.Count} of {offered.Count} pending offers");

        foreach (var (reservation, worker) in timeouts.Reservations(offered.Keys, cluster))
        {
            await Eventually.Until(
                async () => await ReservationStatusAsync(traffic, ClusterAccounts.Timeouts, timeouts.Workspace, worker, reservation) == "timeout",
                $"reservation {reservation} timed out",
                TimeSpan.FromMinutes(3));
        }

        // Load goes on until requests have succeeded for a while after the last failure.
        await Eventually.Until(
            () => traffic.Now - LastFailure(traffic, killedAt) > TimeSpan.FromSeconds(10) && traffic.Now - killedAt > TimeSpan.FromSeconds(20),
            "requests succeed again after the kill",
            TimeSpan.FromMinutes(4));
        await stopLoad.CancelAsync();
        await load;

        // An agent's event stream open on each front door sees the events the other front door's requests caused.
        var streams = cluster.ApiUrls.Select(url => new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan }).ToList();
        var followed = accepts.Workers[0];
        var watchers = streams.Select(s => EventStreamReader.OpenWorker(s, accepts.Workspace, followed, ClusterAccounts.Accepts.AdminKey)).ToList();
        var races = await RaceAcceptsAsync(traffic, accepts);
        foreach (var watcher in watchers)
        {
            var seen = await watcher.UntilAsync(2, $"both front doors' streams of {followed} see its offer accepted");
            Assert.Equal(["reservation.created", "reservation.accepted"], seen.Select(e => e.Type));
            await watcher.DisposeAsync();
        }

        streams.ForEach(s => s.Dispose());
        var report = Report(traffic, killedAt, calls, onVictim.Count, races);
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(logs, "report.txt"), report);

        // Every callback answered 2xx shows in its session's log exactly once, duplicates included.
        await AssertSessionLogsAsync(traffic, calls);

        // The offers pending on the killed silo timed out on a survivor, each exactly once (as did all the others).
        var survivors = string.Concat(cluster.Silos.Where(s => s != victim).Select(s => s.Output()));
        var everyone = survivors + victim.Output();
        Assert.NotEmpty(onVictim);
        foreach (var reservation in offered.Keys)
        {
            Assert.Single(TimeoutTransition(reservation).Matches(everyone));
            Assert.Single(TimeoutTransition(reservation).Matches(survivors));
        }

        // Each of the 100 concurrent accepts through both front doors had exactly one winner; the other got 409 or 412.
        Assert.Equal(AcceptRaces, races.Count);
        Assert.All(races, r => Assert.Equal([HttpStatusCode.OK], r.Where(s => s == HttpStatusCode.OK)));
        Assert.All(races, r => Assert.Contains(r.Single(s => s != HttpStatusCode.OK), new[] { HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));

        // Requests sent a bounded time after the kill succeed (a dead silo is declared within about ten seconds).
        Assert.InRange(LastFailure(traffic, killedAt) - killedAt, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    private static async Task RunLoadAsync(Traffic traffic, int lane, ConcurrentBag<LoadCall> calls, CancellationToken stop)
    {
        for (var i = lane; !stop.IsCancellationRequested; i += LoadConcurrency)
        {
            var call = await CallLoad.PlaceAsync(traffic, i, duplicated: i % 4 == 1);
            calls.Add(call);
            await traffic.SendAsync(() => Authorized(HttpMethod.Get, "/sessions/active?pageSize=20", CallLoad.AdminKey(call.Twilio)), i, "api read");
        }
    }

    /// <summary>Places one call per agent of <paramref name="routing"/>'s account and waits for every offer; reservation sid to the silo that offered it.</summary>
    private static async Task<Dictionary<string, string>> OfferAsync(Traffic traffic, LocalCluster cluster, RoutingSetup routing)
    {
        for (var i = 0; i < routing.Workers.Count; i++)
        {
            var callSid = $"CA{0xdead0000 + i:x32}";
            var status = await traffic.DeliverAsync(ProviderCallbacks.TwilioIncoming(ClusterAccounts.Timeouts, callSid, ProviderCallbacks.Number(3, i), "+15557000001"), i, "offer", CallLoad.GiveUpAfter);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Dictionary<string, string> offers = [];
        await Eventually.Until(
            () =>
            {
                offers = cluster.Silos.SelectMany(s => OfferLine().Matches(s.Output()).Select(m => (m.Groups["reservation"].Value, m.Groups["worker"].Value, s.Name)))
                    .Where(o => routing.Workers.Contains(o.Item2))
                    .ToDictionary(o => o.Item1, o => o.Name);
                return offers.Count == routing.Workers.Count;
            },
            "every agent is offered a call",
            TimeSpan.FromMinutes(2));
        return offers;
    }

    /// <summary>Places one call per agent, then accepts each offer through both front doors at once.</summary>
    private static async Task<List<HttpStatusCode[]>> RaceAcceptsAsync(Traffic traffic, RoutingSetup routing)
    {
        var account = ClusterAccounts.Accepts;
        for (var i = 0; i < routing.Workers.Count; i++)
        {
            var status = await traffic.DeliverAsync(ProviderCallbacks.TwilioIncoming(account, $"CA{0xacce0000 + i:x32}", ProviderCallbacks.Number(4, i), "+15557000002"), i, "offer", CallLoad.GiveUpAfter);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var races = new ConcurrentBag<HttpStatusCode[]>();
        await Parallel.ForEachAsync(routing.Workers, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (worker, _) =>
        {
            var path = $"/workspaces/{routing.Workspace}/workers/{worker}/reservations";
            string? reservation = null;
            await Eventually.Until(
                async () =>
                {
                    var (status, body) = await traffic.SendAsync(() => Authorized(HttpMethod.Get, $"{path}?ReservationStatus=pending", account.AdminKey), 0, "api read");
                    reservation = status == HttpStatusCode.OK && JsonDocument.Parse(body).RootElement.GetProperty("reservations") is { } list && list.GetArrayLength() == 1
                        ? list[0].GetProperty("sid").GetString()
                        : null;
                    return reservation is not null;
                },
                $"{worker} is offered a call",
                TimeSpan.FromMinutes(2));
            var accept = () =>
            {
                var request = Authorized(HttpMethod.Post, $"{path}/{reservation}/accept", account.AdminKey);
                request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
                return request;
            };
            var outcomes = await Task.WhenAll(traffic.SendAsync(accept, 0, "accept"), traffic.SendAsync(accept, 1, "accept"));
            races.Add([.. outcomes.Select(o => o.Status)]);
        });
        return [.. races];
    }

    private static async Task AssertSessionLogsAsync(Traffic traffic, IReadOnlyCollection<LoadCall> calls)
    {
        var sessions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { ClusterAccounts.TwilioCalls.AdminKey, ClusterAccounts.BandwidthAdminKey })
        {
            string? token = null;
            do
            {
                var query = "/sessions?countPerPage=200&simplifiedPaging=true" + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token));
                var (status, body) = await traffic.SendAsync(() => Authorized(HttpMethod.Get, query, key), 0, "verify");
                Assert.True(status == HttpStatusCode.OK, body);
                var page = JsonDocument.Parse(body).RootElement;
                foreach (var session in page.GetProperty("items").EnumerateArray())
                {
                    sessions.Add(session.GetProperty("fromAddress").GetString()!, session.GetProperty("id").GetString()!);
                }

                token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            }
            while (token is not null);
        }

        Assert.All(calls, call => Assert.True(call.Answered && call.HungUp, $"{call.From}'s callbacks were all answered 2xx within {CallLoad.GiveUpAfter.TotalSeconds} s"));
        Assert.Equal(calls.Count, sessions.Count);
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var (status, body) = await traffic.SendAsync(() => Authorized(HttpMethod.Get, $"/sessions/{sessions[call.From]}", CallLoad.AdminKey(call.Twilio)), 0, "verify");
            Assert.True(status == HttpStatusCode.OK, body);
            var log = JsonDocument.Parse(body).RootElement.GetProperty("log").EnumerateArray().Select(l => l.GetProperty("message").GetString()!).ToList();
            Assert.Single(log, m => m.StartsWith($"Incoming call from {call.From} ", StringComparison.Ordinal));
            Assert.Single(log, m => m.StartsWith("Call ended", StringComparison.Ordinal));
        });
    }

    private static string Report(Traffic traffic, TimeSpan killedAt, IReadOnlyCollection<LoadCall> calls, int offersOnVictim, List<HttpStatusCode[]> races)
    {
        var attempts = traffic.Attempts.ToList();
        var callbacks = attempts.Where(a => a.What is "incoming" or "hang-up").ToList();
        var afterKill = attempts.Where(a => a.Started >= killedAt).ToList();
        var lastFailure = LastFailure(traffic, killedAt);
        var p99 = Percentile(callbacks.Where(a => a.Started >= killedAt && a.Started <= killedAt + TimeSpan.FromSeconds(30)).Select(a => a.Took), 0.99);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"calls: {calls.Count} ({calls.Count(c => c.Duplicated)} with every callback sent to both front doors); callback attempts: {callbacks.Count}; API attempts: {attempts.Count - callbacks.Count}");
        report.AppendLine(CultureInfo.InvariantCulture, $"silo killed at {killedAt.TotalSeconds:F1} s holding {offersOnVictim} of {TimeoutOffers} pending offers");
        report.AppendLine(CultureInfo.InvariantCulture, $"recovery: the last request that failed was sent {(lastFailure - killedAt).TotalSeconds:F1} s after the kill; the slowest answer after the kill took {afterKill.Max(a => a.Took).TotalSeconds:F1} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"failed attempts after the kill: {afterKill.Count(a => Traffic.IsServerFailure(a.Status))} of {afterKill.Count} ({afterKill.Count(a => (int)a.Status >= 500)} answered 5xx, {afterKill.Count(a => a.Status == 0)} unanswered)");
        report.AppendLine(CultureInfo.InvariantCulture, $"callback latency: p50 {Percentile(callbacks.Select(a => a.Took), 0.5).TotalMilliseconds:F0} ms, p99 {Percentile(callbacks.Select(a => a.Took), 0.99).TotalMilliseconds:F0} ms overall; p99 {p99.TotalMilliseconds:F0} ms of those sent in the 30 s after the kill");
        report.AppendLine(CultureInfo.InvariantCulture, $"accept races: {races.Count}, outcomes {string.Join(", ", races.SelectMany(r => r).GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{(int)g.Key} x{g.Count()}"))}");
        return report.ToString();
    }

    /// <summary>When the last request that failed was sent: every request sent after it succeeded.</summary>
    private static TimeSpan LastFailure(Traffic traffic, TimeSpan since) =>
        traffic.Attempts.Where(a => a.Started >= since && Traffic.IsServerFailure(a.Status)).Select(a => a.Started).DefaultIfEmpty(since).Max();

    private static TimeSpan Percentile(IEnumerable<TimeSpan> values, double rank)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
    }

    private static async Task<string?> ReservationStatusAsync(Traffic traffic, TwilioAccount account, string workspace, string worker, string reservation)
    {
        var (status, body) = await traffic.SendAsync(() => Authorized(HttpMethod.Get, $"/workspaces/{workspace}/workers/{worker}/reservations/{reservation}", account.AdminKey), 0, "api read");
        return status == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() : null;
    }

    private static async Task<RoutingSetup> ProvisionAsync(HttpClient http, Uri api, TwilioAccount account, int workers, int reservationTimeout)
    {
        async Task<string> CreateAsync(string path, object body)
        {
            using var request = Authorized(HttpMethod.Post, path, account.AdminKey);
            request.RequestUri = new Uri(api, path);
            request.Content = JsonContent.Create(body);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {text}");
            return JsonDocument.Parse(text).RootElement.GetProperty("sid").GetString()!;
        }

        var workspace = await CreateAsync("/workspaces", new { friendlyName = account.Id });
        var queue = await CreateAsync($"/workspaces/{workspace}/task-queues", new { friendlyName = account.Id, reservationTimeout });
        List<string> sids = [];
        for (var i = 0; i < workers; i++)
        {
            sids.Add(await CreateAsync($"/workspaces/{workspace}/workers", new
            {
                friendlyName = $"{account.Id}-agent-{i}",
                attributes = $$"""{"contact_uri":"client:{{account.Id}}-{{i}}"}""",
                activity = new { name = "Available", available = true },
            }));
        }

        return new RoutingSetup(workspace, queue, sids);
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string key) =>
        new(method, new Uri(path, UriKind.Relative)) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };

    private static Regex TimeoutTransition(string reservation) =>
        new($@"Reservation {Regex.Escape(reservation)} of task \S+ for worker \S+: Pending -> Timeout", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    [GeneratedRegex(@"Reservation (?<reservation>\S+) of task \S+ offered to worker (?<worker>\S+) for", RegexOptions.CultureInvariant)]
    private static partial Regex OfferLine();

    /// <summary>A routing account's workspace, queue and agents.</summary>
    private sealed record RoutingSetup(string Workspace, string Queue, IReadOnlyList<string> Workers)
    {
        /// <summary>The offered reservations with their agents, read from the silos' logs.</summary>
        public IEnumerable<(string Reservation, string Worker)> Reservations(IEnumerable<string> reservations, LocalCluster cluster)
        {
            var lines = string.Concat(cluster.Silos.Select(s => s.Output()));
            var workers = OfferLine().Matches(lines).ToDictionary(m => m.Groups["reservation"].Value, m => m.Groups["worker"].Value);
            return reservations.Select(r => (r, workers[r]));
        }
    }
}
