using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Telephony.Testing.Cluster;

/// <summary>
/// Requests to the API nodes as a provider and an API user make them: a request that fails for the server's sake
/// (no answer, 5xx, 429) is sent again to the next node until it is answered or given up; every attempt is recorded.
/// </summary>
public sealed class Traffic(HttpClient http, IReadOnlyList<Uri> nodes)
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    /// <summary>Every attempt so far.</summary>
    public IReadOnlyCollection<Attempt> Attempts => _attempts;

    /// <summary>Time since the traffic began.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>
    /// Sends <paramref name="request"/> to node <paramref name="node"/> (then the others in turn) until an answer other
    /// than a server failure, or until <paramref name="giveUpAfter"/>; the final answer's status, 0 when none came.
    /// </summary>
    public async Task<HttpStatusCode> DeliverAsync(Func<HttpRequestMessage> request, int node, string what, TimeSpan giveUpAfter)
    {
        var deadline = Now + giveUpAfter;
        while (true)
        {
            var (status, _) = await SendAsync(request, node, what);
            if (!IsServerFailure(status) || Now > deadline)
            {
                return status;
            }

            node++;
            await Task.Delay(RetryPause);
        }
    }

    /// <summary>Sends once to node <paramref name="node"/>; the status (0 when no answer came) and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<HttpRequestMessage> request, int node, string what)
    {
        var index = node % nodes.Count;
        using var message = request();
        message.RequestUri = new Uri(nodes[index], message.RequestUri!.OriginalString);
        var started = Now;
        try
        {
            using var response = await http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            _attempts.Enqueue(new Attempt(started, Now - started, index, what, response.StatusCode));
            return (response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _attempts.Enqueue(new Attempt(started, Now - started, index, what, 0));
            return (0, e.Message);
        }
    }

    /// <summary>Whether <paramref name="status"/> is the server's failure, which a provider or a client retries.</summary>
    public static bool IsServerFailure(HttpStatusCode status) => status is 0 or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

/// <summary>One request sent once.</summary>
/// <param name="Started">When it was sent, since the traffic began.</param>
/// <param name="Took">How long its answer took.</param>
/// <param name="Node">Which API node it went to.</param>
/// <param name="What">What it was.</param>
/// <param name="Status">Its answer's status; 0 when none came.</param>
public sealed record Attempt(TimeSpan Started, TimeSpan Took, int Node, string What, HttpStatusCode Status);
