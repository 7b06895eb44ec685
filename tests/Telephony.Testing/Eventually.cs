namespace Telephony.Testing;

/// <summary>Waits for a condition with a generous deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after the timeout (30 s by default).</summary>
    public static async Task Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds.</summary>
    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>The task's result, or a timeout failure instead of a hung test run (30 s by default).</summary>
    public static Task<T> Within<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>The task's completion, or a timeout failure instead of a hung test run (30 s by default).</summary>
    public static Task Within(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
}
