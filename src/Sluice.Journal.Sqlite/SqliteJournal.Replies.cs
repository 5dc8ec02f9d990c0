using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public async Task<DeliveryReply?> GetReplyAsync(Guid messageId, string destination, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.Reply);
        command.Parameters.AddWithValue("$id", messageId);
        command.Parameters.AddWithValue("$destination", destination);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return JournalRows.Reply(reader);
    }
}
