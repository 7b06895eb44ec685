using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Telephony.Api.Security;

/// <summary>The configured API keys, looked up by the hash of the presented token.</summary>
public sealed class ApiKeyRegistry
{
    private readonly FrozenDictionary<string, ApiKey> _byHash;

    /// <summary>Indexes <paramref name="keys"/>; a key may belong to one account only.</summary>
    public ApiKeyRegistry(IEnumerable<ApiKey> keys)
    {
        var index = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!index.TryAdd(key.Hash, key))
            {
                throw new InvalidOperationException($"An API key of account '{key.AccountId}' is configured twice.");
            }
        }

        _byHash = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every key.</summary>
    public IEnumerable<ApiKey> All => _byHash.Values;

    /// <summary>
    /// Reads <c>Telephony:Accounts:N:ApiKeys</c>: each key as its SHA-256 (<c>KeySha256</c>) or, for development, in
    /// clear (<c>Key</c>); a bad role or a key given both ways stops start-up naming the key's position.
    /// </summary>
    public static ApiKeyRegistry FromConfiguration(IConfiguration configuration) => new(
        from account in configuration.GetSection("Telephony:Accounts").GetChildren()
        from key in account.GetSection("ApiKeys").GetChildren()
        select Read(account["Id"] ?? throw new InvalidOperationException($"{account.Path}:Id is required."), key));

    /// <summary>The key whose hash matches <paramref name="token"/>'s, compared without leaking timing.</summary>
    public ApiKey? Find(string token)
    {
        // Only hashes are looked up and compared, so the time taken never depends on how much of a stored key a token matches.
        var hash = ApiKeyHash.Of(token);
        var candidate = _byHash.GetValueOrDefault(hash);
        return candidate is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(candidate.Hash), Convert.FromHexString(hash))
            ? candidate
            : null;
    }

    private static ApiKey Read(string accountId, IConfigurationSection section)
    {
        var (clear, hashed) = (section["Key"], section["KeySha256"]);
        if (clear is not null && hashed is not null)
        {
            throw new InvalidOperationException($"{section.Path} has both Key and KeySha256; keep only KeySha256.");
        }

        var hash = hashed switch
        {
            not null when ApiKeyHash.IsHash(hashed) => hashed.ToLowerInvariant(),
            not null => throw new InvalidOperationException($"{section.Path}:KeySha256 must be 64 hexadecimal digits (dotnet run --project api -- keys new prints one)."),
            _ when clear is { Length: >= 8 } => ApiKeyHash.Of(clear),
            _ => throw new InvalidOperationException($"{section.Path}:KeySha256 (or Key, at least 8 characters) is required."),
        };
        var role = section["Role"] ?? ApiRoles.User;
        if (role is not (ApiRoles.User or ApiRoles.Admin))
        {
            throw new InvalidOperationException($"{section.Path}:Role '{role}' is not one of User, Admin.");
        }

        return new ApiKey(hash, accountId, role, section["UserId"], ConfiguredInClear: clear is not null);
    }
}
