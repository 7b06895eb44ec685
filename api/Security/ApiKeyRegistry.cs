using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Telephony.Api.Security;

/// <summary>The configured API keys, looked up by token.</summary>
public sealed class ApiKeyRegistry
{
    private readonly FrozenDictionary<string, ApiKey> _byKey;

    /// <summary>Indexes <paramref name="keys"/>; a key may belong to one account only.</summary>
    public ApiKeyRegistry(IEnumerable<ApiKey> keys)
    {
        var index = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!index.TryAdd(key.Key, key))
            {
                throw new InvalidOperationException($"An API key of account '{key.AccountId}' is configured twice.");
            }
        }

        _byKey = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every key.</summary>
    public IEnumerable<ApiKey> All => _byKey.Values;

    /// <summary>Reads <c>Telephony:Accounts:N:ApiKeys</c>; a bad role stops start-up naming the key's position.</summary>
    public static ApiKeyRegistry FromConfiguration(IConfiguration configuration) => new(
        from account in configuration.GetSection("Telephony:Accounts").GetChildren()
        from key in account.GetSection("ApiKeys").GetChildren()
        select Read(account["Id"] ?? throw new InvalidOperationException($"{account.Path}:Id is required."), key));

    /// <summary>The key matching <paramref name="token"/>, compared without leaking timing.</summary>
    public ApiKey? Find(string token)
    {
        // A dictionary hit narrows the candidate; the fixed-time comparison keeps the answer time independent of the token.
        var candidate = _byKey.GetValueOrDefault(token);
        return candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Key), Encoding.UTF8.GetBytes(token))
            ? candidate
            : null;
    }

    private static ApiKey Read(string accountId, IConfigurationSection section)
    {
        var key = section["Key"] is { Length: >= 8 } value
            ? value
            : throw new InvalidOperationException($"{section.Path}:Key is required and must be at least 8 characters.");
        var role = section["Role"] ?? ApiRoles.User;
        if (role is not (ApiRoles.User or ApiRoles.Admin))
        {
            throw new InvalidOperationException($"{section.Path}:Role '{role}' is not one of User, Admin.");
        }

        return new ApiKey(key, accountId, role, section["UserId"]);
    }
}
