using Orleans;
using Orleans.Storage;

namespace Telephony.Storage;

/// <summary>Settings of one SQLite grain storage provider, or of the SQLite reminder table.</summary>
public sealed class SqliteStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>
    /// Default of <see cref="MaxBatchSize"/>. Measured with 1,000 grains writing at once on 2 cores: 256, 512 and 1,024
    /// came within a few percent of one another (about 170 k writes/s), 1,024 ahead; a batch also stops at 4 MB of payload.
    /// </summary>
    public const int DefaultMaxBatchSize = 1024;

    /// <summary>Default of <see cref="InitStage"/>: storage must be open before grains activate.</summary>
    public const int DefaultInitStage = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// ADO.NET connection string naming the database file, e.g. <c>Data Source=data/telephony.db</c>. Required.
    /// Providers and the reminder table naming the same file share one database (one schema, one storage loop).
    /// </summary>
    [RedactConnectionString]
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Most queued reads and writes one batch takes; the writes among them commit in one transaction (which also stops
    /// growing at 4 MB of payload). Only the first provider to open a file decides it for that file.
    /// </summary>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>
    /// How long a statement waits for another connection or process holding the file's write lock before it fails.
    /// Only the first provider to open a file decides it for that file.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Silo lifecycle stage at which the grain storage opens the database (and closes it on the way down).</summary>
    public int InitStage { get; set; } = DefaultInitStage;

    /// <summary>
    /// Serializer of grain state. Left unset, the silo's <see cref="IGrainStorageSerializer"/> is used (one registered
    /// under the provider's name first). Not used by the reminder table.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
