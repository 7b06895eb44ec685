using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Telephony.Runtime.Core;
using Telephony.Runtime.Storage;

namespace Telephony.Runtime.State;

/// <summary>Loads state into a grain before it activates.</summary>
internal interface IGrainStateLoader
{
    Task LoadAsync(CancellationToken cancellationToken);
}

/// <summary>A grain's named state kept in a storage provider and serialized with a source-generated JSON contract.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IGrainStateLoader
    where TState : new()
{
    private readonly Activation _activation;
    private readonly GrainStateKey _key;
    private readonly IGrainStorage _storage;
    private readonly JsonTypeInfo<TState> _typeInfo;
    private long? _version;

    public PersistentState(Activation activation, string stateName, IGrainStorage storage, JsonTypeInfo<TState> typeInfo)
    {
        _activation = activation;
        _key = new GrainStateKey(activation.Id.Type, activation.Id.Key, stateName);
        _storage = storage;
        _typeInfo = typeInfo;
    }

    public TState State { get; set; } = new();

    public string? Etag => _version?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool RecordExists { get; private set; }

    public Task LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await _storage.ReadAsync(_key, cancellationToken).ConfigureAwait(false);
        _version = record?.Version;
        RecordExists = record?.Payload is not null;
        State = record?.Payload is { } payload ? Deserialize(payload) : new TState();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(State, _typeInfo);
        _version = await StoreAsync(payload, cancellationToken).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        _version = await StoreAsync(null, cancellationToken).ConfigureAwait(false);
        RecordExists = false;
        State = new TState();
    }

    private async Task<long> StoreAsync(byte[]? payload, CancellationToken cancellationToken)
    {
        try
        {
            return await _storage.WriteAsync(_key, payload, _version, cancellationToken).ConfigureAwait(false);
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote first: this one's view is stale, so drop it and let the next call reload.
            _activation.RequestDeactivation(DeactivationReason.StaleState);
            throw;
        }
    }

    private TState Deserialize(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, _typeInfo)
                ?? throw new InvalidDataException($"Stored {_key} is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Stored {_key} is not valid {typeof(TState).Name} JSON: {e.Message}", e);
        }
    }
}
