using Orleans;
using Orleans.Runtime;

namespace Telephony.Storage;

/// <summary>Fails silo start-up with one clear message when <see cref="SqliteStorageOptions"/> cannot work.</summary>
public sealed class SqliteStorageOptionsValidator(SqliteStorageOptions options, string name) : IConfigurationValidator
{
    /// <inheritdoc />
    public void ValidateConfiguration()
    {
        if (SqliteConnectionStrings.FindProblem(options, name) is { } problem)
        {
            throw new OrleansConfigurationException(problem);
        }
    }
}
