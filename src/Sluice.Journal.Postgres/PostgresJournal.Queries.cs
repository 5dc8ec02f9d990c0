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
        var record = Rows.Message(reader, id);

        // One open reader per connection: the message's is closed before its deliveries are read.
        await reader.DisposeAsync();
        var deliveries = new List<DeliveryRecord>();
        await using var select = Command(connection, _sql.MessageDeliveries, seq);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            deliveries.Add(Rows.Delivery(rows));
        }

        return record with { Deliveries = deliveries };
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DeliveryRecord>>> GetDeliveriesAsync(
        IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<DeliveryRecord>>();
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var select = Command(connection, _sql.DeliveriesOfMessages, messageIds.ToArray());
        return await Rows.DeliveriesByMessageAsync(select, cancellationToken);
    }

    public async Task<IReadOnlyList<DestinationStats>> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.Stats);
        return await Rows.StatsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.DeadLetters, query.After ?? 0L, query.Destination, query.Limit);
        return await command.ReadAllAsync(Rows.DeadLetter, cancellationToken);
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(string destination, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.NextDue, destination);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Rows.NullableInstant(reader, 0) : null;
    }
}
