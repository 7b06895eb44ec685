namespace Telephony.Storage;

/// <summary>
/// A change waiting for a batch: a grain state write or a catalog entry. A batch applies its changes in one
/// transaction, and each outcome comes only after that transaction has committed.
/// </summary>
internal abstract class PendingCommit(CancellationToken cancellationToken) : PendingOperation<WriteOutcome>(cancellationToken)
{
    /// <summary>Bytes it adds to the transaction, which bound a batch's size.</summary>
    public abstract int PayloadBytes { get; }

    /// <summary>Applies the change inside the batch's open transaction; throws to fail the whole transaction.</summary>
    public abstract WriteOutcome Apply(SqliteStorageSession session, long updatedAt);
}
