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
}
