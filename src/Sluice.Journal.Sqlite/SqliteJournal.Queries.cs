using Microsoft.Data.Sqlite;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public async Task<MessageRecord?> GetMessageAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var message = Command(connection, null, SqliteSql.Message);
        message.Parameters.AddWithValue("$id", id);
        await using var reader = await message.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var seq = reader.GetInt64(0);
        var deliveries = new List<DeliveryRecord>();
        await using var select = Command(connection, null, SqliteSql.MessageDeliveries);
        select.Parameters.AddWithValue("$seq", seq);
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                var state = (DeliveryState)rows.GetInt32(1);
                deliveries.Add(new DeliveryRecord(
                    Destination: rows.GetString(0),
                    State: state,
                    Attempts: rows.GetInt32(2),
                    NextAttemptAt: state == DeliveryState.Pending ? UnixTime.FromMs(rows.GetInt64(3)) : null,
                    LastAttemptAt: UnixTime.FromMs(NullableInt64(rows, 4)),
                    CompletedAt: UnixTime.FromMs(NullableInt64(rows, 5)),
                    LastError: rows.IsDBNull(6) ? null : rows.GetString(6)));
            }
        }

        return new MessageRecord(
            Id: id,
            Kind: reader.GetString(1),
            ReceivedAt: UnixTime.FromMs(reader.GetInt64(2)),
            ContentType: reader.GetString(3),
            Payload: (byte[])reader[4],
            Metadata: MetadataJson.Deserialize(reader.IsDBNull(5) ? null : reader.GetString(5)),
            OrderingKey: reader.IsDBNull(6) ? null : reader.GetString(6),
            Deliveries: deliveries);
    }

    public async Task<IReadOnlyList<DestinationStats>> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.Stats);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new DeliveryCounts();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3),
                UnixTime.FromMs(NullableInt64(reader, 4)), reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return counts.ToStats();
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.DeadLetters);
        command.Parameters.AddWithValue("$after", query.After ?? 0);
        command.Parameters.AddWithValue("$destination", (object?)query.Destination ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                MessageId: reader.GetGuid(0),
                Kind: reader.GetString(1),
                Destination: reader.GetString(2),
                ReceivedAt: UnixTime.FromMs(reader.GetInt64(3)),
                Attempts: reader.GetInt32(4),
                FailedAt: UnixTime.FromMs(NullableInt64(reader, 5)),
                LastError: reader.IsDBNull(6) ? null : reader.GetString(6),
                Cursor: reader.GetInt64(7)));
        }

        return letters;
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(string destination, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.NextDue);
        command.Parameters.AddWithValue("$destination", destination);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long ms ? UnixTime.FromMs(ms) : null;
    }

    private static long? NullableInt64(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
