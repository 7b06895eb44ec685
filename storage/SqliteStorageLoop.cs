using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Telephony.Storage;

/// <summary>
/// Group commit. All grain state reads and writes, and catalog writes, on one file queue here and run on one connection, one batch at a
/// time: a batch takes whatever is queued (up to the batch size), answers its reads, then applies its writes in a
/// single transaction and commits it, so grains writing at once share the cost of one commit. Each write is still its
/// own conditional statement, and its caller hears back only after the commit.
/// <para>
/// Batches run on a thread-pool work item that exists only while there is work: the caller that finds the store idle
/// queues it on its own thread's queue, so a grain that writes and awaits frees the thread that then runs its batch,
/// and its continuation after it, without waking another thread; callers that come meanwhile only queue. The work item
/// runs batches until the queue is empty. Callers never block: SQLite (and any wait for another connection's write
/// lock) runs on the work item.
/// </para>
/// </summary>
internal sealed partial class SqliteStorageLoop : IThreadPoolWorkItem
{
    /// <summary>
    /// A batch stops growing once its payloads reach this size, whatever the batch size: a transaction of large states
    /// would otherwise keep every grain in it waiting for a long commit, and swell the write-ahead log.
    /// </summary>
    internal const int MaxBatchPayloadBytes = 4 * 1024 * 1024;

    private readonly SqliteDatabase _database;
    private readonly int _maxBatchSize;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Queue<PendingOperation> _queue = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Owned by the thread running batches (there is at most one; the lock hands the role over).
    private readonly List<PendingRead> _reads;
    private readonly List<PendingCommit> _writes;
    private readonly WriteOutcome[] _outcomes;
    private SqliteStorageSession? _session;
    private PendingOperation? _heldBack;

    private bool _running;
    private bool _closed;
    private volatile bool _aborted;
    private long _transactions;
    private long _committedWrites;

    public SqliteStorageLoop(SqliteDatabase database, int maxBatchSize, TimeProvider time, ILogger logger)
    {
        _database = database;
        _maxBatchSize = maxBatchSize;
        _time = time;
        _logger = logger;
        _reads = new List<PendingRead>(maxBatchSize);
        _writes = new List<PendingCommit>(maxBatchSize);
        _outcomes = new WriteOutcome[maxBatchSize];
    }

    /// <summary>Transactions committed so far (for tests and diagnostics).</summary>
    internal long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Writes and clears committed so far, refused ones not counted (for tests and diagnostics).</summary>
    internal long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>Operations queued and not yet taken into a batch (for tests).</summary>
    internal int QueuedOperations
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="operation"/>; if the store was idle, also the work item that runs batches. False once stopping.
    /// </summary>
    public bool TryEnqueue(PendingOperation operation)
    {
        // Listening starts before queueing: a registration made after the operation completed would stay on the
        // caller's token until the token goes away.
        operation.ListenForCancellation();
        bool runHere;
        lock (_lock)
        {
            if (_closed)
            {
                operation.StopListening();
                return false;
            }

            _queue.Enqueue(operation);
            runHere = !_running;
            _running = true;
        }

        if (runHere)
        {
            // Onto this thread's own queue: a caller that awaits its write frees the thread, which then runs the batch
            // itself without waking another; a caller that queues more first gets them into the same batch.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }

        return true;
    }

    /// <summary>
    /// Takes no more operations, finishes those queued, closes the connection. If <paramref name="cancellationToken"/>
    /// fires first (shutdown ran out of time), the batch under way finishes and what is still queued fails.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        bool startRunner;
        lock (_lock)
        {
            _closed = true;
            startRunner = !_running;
            _running = true;
        }

        if (startRunner)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        try
        {
            await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _aborted = true;
            await _stopped.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Runs batches on a thread-pool thread until the queue is empty.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        while (true)
        {
            // The last outcome of the previous batch was held back: if no batch follows, its caller's continuation runs
            // right here, after this thread has given up running batches (so it may queue more and even wait for them),
            // which spares a grain writing alone a trip through the thread pool. Otherwise it goes the usual way.
            // Taken while this thread still runs batches: once it gives that up, another thread may hold back its own.
            var last = _heldBack;
            _heldBack = null;
            var more = TakeBatch();
            last?.Deliver(runContinuationHere: !more);
            if (!more)
            {
                return;
            }

            RunBatch();
        }
    }

    /// <summary>
    /// Fills the batch from the queue. False when there is nothing to run: the running role is given up, or, once
    /// stopping, kept for good and the connection closed.
    /// </summary>
    private bool TakeBatch()
    {
        lock (_lock)
        {
            var payloadBytes = 0L;
            while (_reads.Count + _writes.Count < _maxBatchSize && payloadBytes < MaxBatchPayloadBytes && _queue.TryDequeue(out var operation))
            {
                if (!operation.TryTake())
                {
                    continue;
                }

                if (_aborted)
                {
                    operation.Fail(new ObjectDisposedException(nameof(SqliteGrainStorage), "The SQLite grain storage stopped before this operation ran."));
                }
                else if (operation is PendingCommit write)
                {
                    _writes.Add(write);
                    payloadBytes += write.PayloadBytes;
                }
                else
                {
                    _reads.Add((PendingRead)operation);
                }
            }

            if (_reads.Count + _writes.Count > 0)
            {
                return true;
            }

            if (!_closed)
            {
                _running = false;
                return false;
            }
        }

        _session?.Dispose();
        _session = null;
        _stopped.TrySetResult();
        return false;
    }

    /// <summary>Answers the batch's reads and commits its writes, giving every operation its outcome; never throws.</summary>
    private void RunBatch()
    {
        try
        {
            _session ??= SqliteStorageSession.Open(_database);
        }
        catch (Exception e)
        {
            LogOpenFailed(_database.FilePath, e);
            _reads.ForEach(read => read.SetError(e));
            _writes.ForEach(write => write.SetError(e));
            Deliver();
            return;
        }

        // Reads taken with writes were asked for concurrently with them, so answering them from the state before the
        // batch's commit is as correct as after it, and a failed commit cannot leak into them.
        foreach (var read in _reads)
        {
            try
            {
                read.SetResult(_session.Read(read));
            }
            catch (Exception e)
            {
                read.SetError(e);
            }
        }

        if (_writes.Count > 0)
        {
            Commit();
        }

        Deliver();
    }

    private void Commit()
    {
        var updatedAt = _time.GetUtcNow().UtcTicks;
        try
        {
            _session!.Commit(_writes, updatedAt, _outcomes);
        }
        catch (Exception e)
        {
            // The transaction did not commit: none of its writes took effect. Drop the connection (it may be what broke)
            // and keep going, so one bad batch fails its callers instead of stalling every later write.
            StorageMetrics.FailedCommits.Add(1);
            LogCommitFailed(_database.FilePath, _writes.Count, e);
            _session?.Dispose();
            _session = null;
            if (_writes.Count > 1 && IsCausedByOneWrite(e))
            {
                CommitOneByOne(updatedAt);
            }
            else
            {
                _writes.ForEach(write => write.SetError(e));
            }

            return;
        }

        Committed(_writes, _outcomes);
    }

    /// <summary>
    /// After a batch failed for a reason one write may have caused (its payload too big, a constraint), commits each
    /// write alone, so only the culprit fails instead of every grain that happened to share its transaction.
    /// </summary>
    private void CommitOneByOne(long updatedAt)
    {
        var outcome = new WriteOutcome[1];
        var single = new PendingCommit[1];
        foreach (var write in _writes)
        {
            single[0] = write;
            try
            {
                _session ??= SqliteStorageSession.Open(_database);
                _session.Commit(single, updatedAt, outcome);
            }
            catch (Exception e)
            {
                StorageMetrics.FailedCommits.Add(1);
                write.SetError(e);
                _session?.Dispose();
                _session = null;
                continue;
            }

            Committed(single, outcome);
        }
    }

    private void Committed(IReadOnlyList<PendingCommit> writes, WriteOutcome[] outcomes)
    {
        Interlocked.Increment(ref _transactions);
        StorageMetrics.CommitBatchSize.Record(writes.Count);
        var committed = 0;
        for (var i = 0; i < writes.Count; i++)
        {
            committed += outcomes[i].Committed ? 1 : 0;
            writes[i].SetResult(outcomes[i]);
        }

        Interlocked.Add(ref _committedWrites, committed);
    }

    /// <summary>Delivers the batch's outcomes through the thread pool, holding back the last one (see Execute).</summary>
    private void Deliver()
    {
        _heldBack = _writes.Count > 0 ? _writes[^1] : _reads[^1];
        foreach (var read in _reads)
        {
            if (read != _heldBack)
            {
                read.Deliver(runContinuationHere: false);
            }
        }

        foreach (var write in _writes)
        {
            if (write != _heldBack)
            {
                write.Deliver(runContinuationHere: false);
            }
        }

        _reads.Clear();
        _writes.Clear();
    }

    /// <summary>
    /// Errors one write can cause: too big a payload, a full disk it alone filled, a constraint. Waiting for the lock
    /// (busy, locked) is excluded: one by one, every write would wait out the busy timeout again.
    /// </summary>
    private static bool IsCausedByOneWrite(Exception e) =>
        e is SqliteException { SqliteErrorCode: raw.SQLITE_TOOBIG or raw.SQLITE_FULL or raw.SQLITE_CONSTRAINT or raw.SQLITE_MISMATCH or raw.SQLITE_RANGE };

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite grain storage could not open {FilePath}")]
    private partial void LogOpenFailed(string filePath, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "SQLite grain storage failed to commit {WriteCount} writes to {FilePath}")]
    private partial void LogCommitFailed(string filePath, int writeCount, Exception exception);
}
