using System.Data.Common;

namespace Sluice.Journal.Relational;

/// <summary>
/// Reads the journal's rows into its records, the same columns in the same order on every engine (each engine's
/// SQL selects them so). Only instants differ: Unix milliseconds on SQLite, <c>timestamptz</c> on PostgreSQL,
/// read by <paramref name="instant"/> from a column that is not NULL.
/// </summary>
public sealed class JournalRows(Func<DbDataReader, int, DateTimeOffset> instant)
{
    /// <summary>A due delivery: seq, id, kind, payload, content type, metadata, ordering key, received at, attempt.</summary>
    public LeasedDelivery Leased(DbDataReader reader, string destination, Guid token, DateTimeOffset until) => new(
        Sequence: reader.GetInt64(0),
        MessageId: reader.GetGuid(1),
        Destination: destination,
        Kind: reader.GetString(2),
        Payload: (byte[])reader[3],
        ContentType: reader.GetString(4),
        Metadata: MetadataJson.Deserialize(NullableString(reader, 5)),
        OrderingKey: NullableString(reader, 6),
        ReceivedAt: instant(reader, 7),
        Attempt: reader.GetInt32(8),
        LeaseToken: token,
        LeasedUntil: until);

    /// <summary>A message without its deliveries: seq, kind, received at, content type, payload, metadata, ordering key.</summary>
    public MessageRecord Message(DbDataReader reader, Guid id) => new(
        Id: id,
        Kind: reader.GetString(1),
        ReceivedAt: instant(reader, 2),
        ContentType: reader.GetString(3),
        Payload: (byte[])reader[4],
        Metadata: MetadataJson.Deserialize(NullableString(reader, 5)),
        OrderingKey: NullableString(reader, 6),
        Deliveries: []);

    /// <summary>Destination, status, attempts, available at, last attempt at, completed at, last error.</summary>
    public DeliveryRecord Delivery(DbDataReader reader)
    {
        var state = (DeliveryState)reader.GetInt32(1);
        return new DeliveryRecord(
            Destination: reader.GetString(0),
            State: state,
            Attempts: reader.GetInt32(2),
            NextAttemptAt: state == DeliveryState.Pending ? instant(reader, 3) : null,
            LastAttemptAt: NullableInstant(reader, 4),
            CompletedAt: NullableInstant(reader, 5),
            LastError: NullableString(reader, 6));
    }

    /// <summary>
    /// Deliveries grouped by message: each row the columns <see cref="Delivery"/> reads, then the message's id,
    /// ordered by message and destination.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DeliveryRecord>>> DeliveriesByMessageAsync(
        DbCommand command, CancellationToken cancellationToken)
    {
        var byMessage = new Dictionary<Guid, IReadOnlyList<DeliveryRecord>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(7);
            if (!byMessage.TryGetValue(id, out var deliveries))
            {
                byMessage[id] = deliveries = new List<DeliveryRecord>();
            }

            ((List<DeliveryRecord>)deliveries).Add(Delivery(reader));
        }

        return byMessage;
    }

    /// <summary>Id, kind, destination, received at, attempts, failed at, last error, seq.</summary>
    public DeadLetter DeadLetter(DbDataReader reader) => new(
        MessageId: reader.GetGuid(0),
        Kind: reader.GetString(1),
        Destination: reader.GetString(2),
        ReceivedAt: instant(reader, 3),
        Attempts: reader.GetInt32(4),
        FailedAt: NullableInstant(reader, 5),
        LastError: NullableString(reader, 6))
    {
        Cursor = reader.GetInt64(7),
    };

    /// <summary>Runs the stats query: rows of destination, status, count, retrying, oldest received at, lease owners.</summary>
    public async Task<IReadOnlyList<DestinationStats>> StatsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new DeliveryCounts();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3),
                NullableInstant(reader, 4), NullableString(reader, 5));
        }

        return counts.ToStats();
    }

    /// <summary>Status, headers, content type, body, truncated.</summary>
    public static DeliveryReply Reply(DbDataReader reader) => new(
        Status: reader.GetInt32(0),
        Headers: MetadataJson.Deserialize(NullableString(reader, 1)),
        ContentType: NullableString(reader, 2),
        Body: (byte[])reader[3],
        Truncated: reader.GetBoolean(4));

    public DateTimeOffset? NullableInstant(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : instant(reader, ordinal);

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
