using System.Collections.Concurrent;

namespace Telephony.Benchmarks;

/// <summary>
/// The floor a runtime is measured against: a concurrent queue drained on the thread pool, one
/// task completion source per call, nothing else.
/// </summary>
internal sealed class BareMailbox : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<TaskCompletionSource<int>> _queue = new();
    private int _scheduled;
    private int _count;

    public Task<int> Increment()
    {
        var completion = new TaskCompletionSource<int>();
        _queue.Enqueue(completion);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        return completion.Task;
    }

    public void Execute()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var completion))
            {
                completion.SetResult(++_count);
            }

            Interlocked.Exchange(ref _scheduled, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
