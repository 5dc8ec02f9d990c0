using System.Text;
using Microsoft.Data.Sqlite;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
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
            using (var select = Command(connection, transaction, SqliteSql.Lease))
            {
                select.Parameters.AddWithValue("$destination", request.Destination);
                select.Parameters.AddWithValue("$now", UnixTime.ToMs(request.Now));
                select.Parameters.AddWithValue("$max", request.MaxCount);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    leased.Add(Rows.Leased(reader, request.Destination, token, until));
                }
            }

            if (leased.Count == 0)
            {
                return leased;
            }

            using var update = Command(connection, transaction, SqliteSql.MarkLeased);
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
        using var delivered = Command(connection, transaction, SqliteSql.Delivered);
        using var retry = Command(connection, transaction, SqliteSql.Retry);
        using var dead = Command(connection, transaction, SqliteSql.Dead);
        using var release = Command(connection, transaction, SqliteSql.Release);
        using var reply = Command(connection, transaction, SqliteSql.KeepReplies);
        using var promote = Command(connection, transaction, SqliteSql.PromoteNextHeads);
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
