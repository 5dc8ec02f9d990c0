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

        return new DeliveryReply(
            Status: reader.GetInt16(0),
            Headers: MetadataJson.Deserialize(reader.IsDBNull(1) ? null : reader.GetString(1)),
            ContentType: reader.IsDBNull(2) ? null : reader.GetString(2),
            Body: (byte[])reader[3],
            Truncated: reader.GetBoolean(4));
    }
}
