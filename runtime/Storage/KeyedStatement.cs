using Microsoft.Data.Sqlite;

namespace Telephony.Runtime.Storage;

/// <summary>A prepared grain state statement whose key parameters are kept, so each use only sets their values.</summary>
internal sealed class KeyedStatement
{
    private readonly SqliteParameter _type;
    private readonly SqliteParameter _id;
    private readonly SqliteParameter _name;

    public KeyedStatement(SqliteCommand command)
    {
        Command = command;
        _type = command.Parameters.Add("$type", SqliteType.Text);
        _id = command.Parameters.Add("$id", SqliteType.Text);
        _name = command.Parameters.Add("$name", SqliteType.Text);
    }

    public SqliteCommand Command { get; }

    public void Bind(GrainStateKey key)
    {
        _type.Value = key.GrainType;
        _id.Value = key.GrainId;
        _name.Value = key.StateName;
    }
}
