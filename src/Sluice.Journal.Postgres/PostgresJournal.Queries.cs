using Npgsql;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public async Task<MessageRecord?> GetMessageAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var message = Command(connection, _sql.Message, id);
        await using var reader = await message.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var seq = reader.GetInt64(0);
        var kind = reader.GetString(1);
        var receivedAt = reader.GetFieldValue<DateTimeOffset>(2);
        var contentType = reader.GetString(3);
        var payload = (byte[])reader[4];
        var metadata = MetadataJson.Deserialize(reader.IsDBNull(5) ? null : reader.GetString(5));
        var orderingKey = reader.IsDBNull(6) ? null : reader.GetString(6);
        await reader.DisposeAsync();

        var deliveries = new List<DeliveryRecord>();
        await using var select = Command(connection, _sql.MessageDeliveries, seq);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var state = (DeliveryState)rows.GetInt16(1);
            deliveries.Add(new DeliveryRecord(
                Destination: rows.GetString(0),
                State: state,
                Attempts: rows.GetInt32(2),
                NextAttemptAt: state == DeliveryState.Pending ? rows.GetFieldValue<DateTimeOffset>(3) : null,
                LastAttemptAt: NullableTime(rows, 4),
                CompletedAt: NullableTime(rows, 5),
                LastError: rows.IsDBNull(6) ? null : rows.GetString(6)));
        }

        return new MessageRecord(id, kind, receivedAt, contentType, payload, metadata, orderingKey, deliveries);
    }

    public async Task<IReadOnlyList<DestinationStats>> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.Stats);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new DeliveryCounts();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(reader.GetString(0), reader.GetInt16(1), reader.GetInt64(2), reader.GetInt64(3),
                NullableTime(reader, 4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return counts.ToStats();
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.DeadLetters, query.After ?? 0L, query.Destination, query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            letters.Add(new DeadLetter(
                MessageId: reader.GetGuid(0),
                Kind: reader.GetString(1),
                Destination: reader.GetString(2),
                ReceivedAt: reader.GetFieldValue<DateTimeOffset>(3),
                Attempts: reader.GetInt32(4),
                FailedAt: NullableTime(reader, 5),
                LastError: reader.IsDBNull(6) ? null : reader.GetString(6),
                Cursor: reader.GetInt64(7)));
        }

        return letters;
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(string destination, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.NextDue, destination);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? NullableTime(reader, 0) : null;
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
