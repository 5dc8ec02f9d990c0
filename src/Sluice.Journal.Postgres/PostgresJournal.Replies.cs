using Sluice.Journal.Relational;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public async Task<DeliveryReply?> GetReplyAsync(Guid messageId, string destination, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.Reply, messageId, destination);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return JournalRows.Reply(reader);
    }
}
