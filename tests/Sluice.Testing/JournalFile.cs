using Microsoft.Data.Sqlite;

namespace Sluice.Testing;

/// <summary>Reads a gateway's SQLite journal through its own connection: what is on disk, not in a cache.</summary>
public static class JournalFile
{
    public static async Task<long> CountMessagesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Counts the messages of one kind, synchronously: for a test that looks from inside a synchronous event, before
    /// the code that raised it can do anything more.
    /// </summary>
    public static long CountMessages(string path, string kind)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages WHERE kind = $kind";
        command.Parameters.AddWithValue("$kind", kind);
        return (long)command.ExecuteScalar()!;
    }
}
