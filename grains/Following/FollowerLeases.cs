namespace Telephony.Grains.Following;

/// <summary>
/// The nodes following a grain's events, each under a lease that its node renews by following again. Kept in the
/// grain's memory only: after a move the grain knows no followers, and each node finds that out at its next renewal.
/// </summary>
/// <typeparam name="TObserver">The nodes' observer interface.</typeparam>
internal sealed class FollowerLeases<TObserver>(TimeSpan lease)
    where TObserver : notnull
{
    /// <summary>When each follower's lease runs out, on <see cref="Environment.TickCount64"/>.</summary>
    private readonly Dictionary<TObserver, long> _until = [];

    /// <summary>Adds <paramref name="observer"/> or renews its lease.</summary>
    public void Follow(TObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);

        // The real clock, not the domain's TimeProvider: a lease measures how long a node has been silent.
        _until[observer] = Environment.TickCount64 + (long)lease.TotalMilliseconds;
    }

    /// <summary>Removes <paramref name="observer"/>.</summary>
    public void Unfollow(TObserver observer) => _until.Remove(observer);

    /// <summary>Calls <paramref name="send"/> with <paramref name="message"/> for each follower whose lease holds, and forgets the others (with no followers it allocates nothing).</summary>
    public void Send<TMessage>(TMessage message, Action<TObserver, TMessage> send)
    {
        if (_until.Count == 0)
        {
            return;
        }

        var now = Environment.TickCount64;
        foreach (var (follower, until) in _until.ToList())
        {
            if (until < now)
            {
                _until.Remove(follower);
                continue;
            }

            send(follower, message);
        }
    }
}
