using System.Text;
using Microsoft.Data.Sqlite;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    // Only heads are eligible: of the unfinished deliveries sharing an ordering key just the oldest,
    // so a key's messages go out one at a time, in arrival order, even across retries.
    private const string SelectDue =
        """
        SELECT d.message_seq, m.id, m.kind, m.payload, m.content_type, m.metadata, d.ordering_key, m.received_at, d.attempts
        FROM deliveries d JOIN messages m ON m.seq = d.message_seq
        WHERE d.destination = $destination AND d.status < 2 AND d.is_head = 1 AND d.available_at <= $now
        ORDER BY d.available_at, d.message_seq
        LIMIT $max
        """;

    // When a head finishes, the oldest unfinished delivery with its key becomes the head.
    // INDEXED BY: without statistics the planner prefers the (destination, status) index and scans every open row.
    private const string PromoteNextHead =
        """
        UPDATE deliveries SET is_head = 1
        WHERE destination = $destination AND is_head = 0 AND message_seq = (
            SELECT n.message_seq FROM deliveries n INDEXED BY ix_deliveries_key
            WHERE n.destination = $destination AND n.status < 2
              AND n.ordering_key = (SELECT c.ordering_key FROM deliveries c WHERE c.message_seq = $seq AND c.destination = $destination)
            ORDER BY n.message_seq LIMIT 1)
        """;

    private const string MarkLeased =
        """
        UPDATE deliveries
        SET status = 1, available_at = $until, attempts = attempts + 1, lease_token = $token,
            lease_owner = $owner, last_attempt_at = $now
        WHERE destination = $destination AND message_seq IN (SELECT value FROM json_each($seqs))
        """;

    public Task<IReadOnlyList<LeasedDelivery>> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxCount <= 0)
        {
            return Task.FromResult<IReadOnlyList<LeasedDelivery>>([]);
        }

        return WriteAsync<LeaseRequest, IReadOnlyList<LeasedDelivery>>(static (connection, transaction, request) =>
        {
            var token = Guid.NewGuid();
            var until = request.Now + request.Duration;
            var leased = new List<LeasedDelivery>();
            using (var select = Command(connection, transaction, SelectDue))
            {
                select.Parameters.AddWithValue("$destination", request.Destination);
                select.Parameters.AddWithValue("$now", UnixTime.ToMs(request.Now));
                select.Parameters.AddWithValue("$max", request.MaxCount);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    leased.Add(new LeasedDelivery(
                        Sequence: reader.GetInt64(0),
                        MessageId: reader.GetGuid(1),
                        Destination: request.Destination,
                        Kind: reader.GetString(2),
                        Payload: (byte[])reader[3],
                        ContentType: reader.GetString(4),
                        Metadata: MetadataJson.Deserialize(reader.IsDBNull(5) ? null : reader.GetString(5)),
                        OrderingKey: reader.IsDBNull(6) ? null : reader.GetString(6),
                        ReceivedAt: UnixTime.FromMs(reader.GetInt64(7)),
                        Attempt: reader.GetInt32(8) + 1,
                        LeaseToken: token,
                        LeasedUntil: until));
                }
            }

            if (leased.Count == 0)
            {
                return leased;
            }

            using var update = Command(connection, transaction, MarkLeased);
            update.Parameters.AddWithValue("$until", UnixTime.ToMs(until));
            update.Parameters.AddWithValue("$token", token);
            update.Parameters.AddWithValue("$owner", request.Owner);
            update.Parameters.AddWithValue("$now", UnixTime.ToMs(request.Now));
            update.Parameters.AddWithValue("$destination", request.Destination);
            update.Parameters.AddWithValue("$seqs", SequenceArray(leased));
            update.ExecuteNonQuery();
            return leased;
        }, request, cancellationToken, durable: false);
    }

    public Task CompleteAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(static async (connection, transaction, state, ct) =>
        {
            // The follow-ups go in with the outcomes that finished their deliveries, or not at all.
            var followUps = RecordOutcomes(connection, transaction, state.Outcomes);
            if (followUps.Count > 0)
            {
                await state.Self.AppendBatchAsync(connection, transaction, state.Self._followUps!, followUps, ct);
            }

            return 0;
        }, (Self: this, Outcomes: outcomes), cancellationToken, durable: false);
    }

    /// <returns>The follow-ups of the outcomes that finished their deliveries.</returns>
    private static List<NewMessage> RecordOutcomes(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DeliveryOutcome> outcomes)
    {
        var followUps = new List<NewMessage>();
        using var delivered = Command(connection, transaction,
            """
            UPDATE deliveries
            SET status = 2, completed_at = $at, available_at = $at, lease_token = NULL, lease_owner = NULL
            WHERE message_seq = $seq AND destination = $destination AND status < 2
            """);
        using var retry = Command(connection, transaction,
            """
            UPDATE deliveries
            SET status = 0, available_at = $next, last_error = $error, lease_token = NULL, lease_owner = NULL
            WHERE message_seq = $seq AND destination = $destination AND status = 1 AND lease_token = $token
            """);
        using var dead = Command(connection, transaction,
            """
            UPDATE deliveries
            SET status = 3, completed_at = $at, last_error = $error, lease_token = NULL, lease_owner = NULL
            WHERE message_seq = $seq AND destination = $destination AND status = 1 AND lease_token = $token
            """);
        using var release = Command(connection, transaction,
            """
            UPDATE deliveries
            SET status = 0, available_at = $next, attempts = MAX(attempts - 1, 0),
                last_error = COALESCE($error, last_error), lease_token = NULL, lease_owner = NULL
            WHERE message_seq = $seq AND destination = $destination AND status = 1 AND lease_token = $token
            """);

        using var reply = Command(connection, transaction, KeepReply);
        using var promote = Command(connection, transaction, PromoteNextHead);
        var promoteSeq = promote.Parameters.AddWithValue("$seq", 0L);
        var promoteDestination = promote.Parameters.AddWithValue("$destination", "");
        foreach (var outcome in outcomes)
        {
            var command = outcome.Kind switch
            {
                OutcomeKind.Delivered => delivered,
                OutcomeKind.Retry => retry,
                OutcomeKind.DeadLetter => dead,
                OutcomeKind.Release => release,
                _ => throw new ArgumentOutOfRangeException(nameof(outcomes), outcome.Kind, "Unknown outcome."),
            };
            Bind(command, outcome);
            var finished = command.ExecuteNonQuery() > 0 && outcome.Kind is OutcomeKind.Delivered or OutcomeKind.DeadLetter;
            if (finished && outcome.Reply is { } answer)
            {
                BindReply(reply, outcome, answer);
                reply.ExecuteNonQuery();
            }

            if (finished)
            {
                promoteSeq.Value = outcome.Sequence;
                promoteDestination.Value = outcome.Destination;
                promote.ExecuteNonQuery();
                followUps.AddRange(outcome.FollowUps);
            }
        }

        return followUps;
    }

    // Only the outcome that finished the delivery keeps its answer; a replayed dead letter's new answer replaces the old.
    private const string KeepReply =
        """
        INSERT OR REPLACE INTO replies (message_seq, destination, status, headers, content_type, body, truncated)
        VALUES ($seq, $destination, $status, $headers, $contentType, $body, $truncated)
        """;

    private static void BindReply(SqliteCommand command, DeliveryOutcome outcome, DeliveryReply reply)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$seq", outcome.Sequence);
        command.Parameters.AddWithValue("$destination", outcome.Destination);
        command.Parameters.AddWithValue("$status", reply.Status);
        command.Parameters.AddWithValue("$headers", (object?)MetadataJson.Serialize(reply.Headers) ?? DBNull.Value);
        command.Parameters.AddWithValue("$contentType", (object?)reply.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", reply.Body.ToArray());
        command.Parameters.AddWithValue("$truncated", reply.Truncated ? 1 : 0);
    }

    private static void Bind(SqliteCommand command, DeliveryOutcome outcome)
    {
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$seq", outcome.Sequence);
        command.Parameters.AddWithValue("$destination", outcome.Destination);
        if (outcome.Kind == OutcomeKind.Delivered)
        {
            command.Parameters.AddWithValue("$at", UnixTime.ToMs(outcome.At));
            return;
        }

        command.Parameters.AddWithValue("$token", outcome.LeaseToken);
        command.Parameters.AddWithValue("$error", (object?)outcome.Error ?? DBNull.Value);
        if (outcome.Kind == OutcomeKind.DeadLetter)
        {
            command.Parameters.AddWithValue("$at", UnixTime.ToMs(outcome.At));
        }
        else
        {
            command.Parameters.AddWithValue("$next", UnixTime.ToMs(outcome.NextAttemptAt ?? outcome.At));
        }
    }

    private static string SequenceArray(IEnumerable<LeasedDelivery> leased)
    {
        var json = new StringBuilder("[");
        foreach (var lease in leased)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append(lease.Sequence);
        }

        return json.Append(']').ToString();
    }
}
