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

        var deliveries = new List<DeliveryRecord>();
        await using var select = Command(connection, null, SqliteSql.MessageDeliveries);
        select.Parameters.AddWithValue("$seq", reader.GetInt64(0));
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                deliveries.Add(Rows.Delivery(rows));
            }
        }

        return Rows.Message(reader, id) with { Deliveries = deliveries };
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DeliveryRecord>>> GetDeliveriesAsync(
        IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<DeliveryRecord>>();
        }

        await using var connection = OpenReader();
        await using var select = Command(connection, null, SqliteSql.DeliveriesOfMessages);
        select.Parameters.AddWithValue("$ids", IdsJson(messageIds));
        return await Rows.DeliveriesByMessageAsync(select, cancellationToken);
    }

    /// <summary>Ids as a JSON array of UTF-8 bytes, spelled as the id column holds them.</summary>
    private static byte[] IdsJson(IReadOnlyCollection<Guid> ids)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(ids.Count * 40 + 2);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var id in ids)
            {
                JsonRowIds.Write(json, id);
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public async Task<IReadOnlyList<DestinationStats>> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.Stats);
        return await Rows.StatsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.DeadLetters);
        command.Parameters.AddWithValue("$after", query.After ?? 0);
        command.Parameters.AddWithValue("$destination", (object?)query.Destination ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        return await command.ReadAllAsync(Rows.DeadLetter, cancellationToken);
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(string destination, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        await using var command = Command(connection, null, SqliteSql.NextDue);
        command.Parameters.AddWithValue("$destination", destination);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Rows.NullableInstant(reader, 0) : null;
    }
}
