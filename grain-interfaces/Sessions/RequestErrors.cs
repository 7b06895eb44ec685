namespace Telephony.GrainInterfaces.Sessions;

/// <summary>Collects validation errors by wire field name, with the rules session requests share.</summary>
internal sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    /// <summary>The field must be present and not blank.</summary>
    public RequestErrors Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
        }

        return this;
    }

    /// <summary>When present, the field must be an E.164 number.</summary>
    public RequestErrors PhoneNumber(string field, string? value)
    {
        if (value is not null && !E164.IsValid(value))
        {
            Add(field, $"'{field}' must be a phone number in E.164 format, for example +15551234567.");
        }

        return this;
    }

    /// <summary>The field must be present and be an E.164 number.</summary>
    public RequestErrors RequiredPhoneNumber(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Required(field, value) : PhoneNumber(field, value);

    /// <summary>The field must be present and be an E.164 number or a user id (email).</summary>
    public RequestErrors RequiredAddress(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Required(field, value);
        }

        if (!SessionAddress.IsValid(value))
        {
            Add(field, $"'{field}' must be a phone number in E.164 format (for example +15551234567) or a user id (email).");
        }

        return this;
    }

    /// <summary>When present, an enum bound from a query string must be one of its names (binders accept any number).</summary>
    public RequestErrors Defined<TEnum>(string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            Add(field, $"'{field}' must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return this;
    }

    /// <summary>Records one error.</summary>
    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>The errors so far, in the order fields were first reported.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
