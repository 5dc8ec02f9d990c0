using System.Data.Common;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Modules;

public enum JournalEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// An open connection to the journal's database, and the transaction it runs in when it writes, as a
/// module sees it. SQL written against it names parameters <c>@name</c> (both engines accept that) and
/// tables through <see cref="Table"/> (PostgreSQL keeps them in the journal's schema).
/// </summary>
public sealed class JournalSession(JournalEngine engine, DbConnection connection, DbTransaction? transaction, string schema)
{
    public JournalEngine Engine { get; } = engine;

    public DbConnection Connection { get; } = connection;

    /// <summary>
    /// The write transaction, where the engine needs it named on each command (SQLite); null for reads, and on
    /// PostgreSQL, whose commands join the connection's open transaction by themselves.
    /// </summary>
    public DbTransaction? Transaction { get; } = transaction;

    /// <summary>The journal's schema: <c>main</c> on SQLite, the configured one on PostgreSQL.</summary>
    public string Schema { get; } = schema;

    /// <summary>The table's name as SQL must spell it: <c>{schema}.{name}</c>.</summary>
    public string Table(string name) => $"{Schema}.{name}";

    /// <summary>A command on this session's connection, enlisted in its transaction, with <c>@p0</c>, <c>@p1</c>… bound to <paramref name="values"/>.</summary>
    public DbCommand Command(string sql, params object?[] values)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameter($"@p{i}", values[i]);
        }

        return command;
    }

    /// <summary>Runs one statement (see <see cref="Command"/>) and returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one query (see <see cref="Command"/>) and reads every row it returns with <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAllAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = Command(sql, values);
        return await command.ReadAllAsync(read, cancellationToken);
    }
}

public static class DbCommandExtensions
{
    /// <summary>Adds a named parameter; null is sent as SQL NULL.</summary>
    public static DbCommand Parameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
