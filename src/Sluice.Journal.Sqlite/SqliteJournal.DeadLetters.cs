using Microsoft.Data.Sqlite;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    // A replayed delivery may only lead its key if nothing else with the key is unfinished; otherwise it
    // waits and, being older, is promoted as soon as the current head finishes.
    public Task<int> ReplayAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateDeadLetters(filter,
            """
            status = 0, attempts = 0, available_at = $now, completed_at = NULL,
            is_head = CASE WHEN ordering_key IS NULL THEN 1 ELSE NOT EXISTS (
                SELECT 1 FROM deliveries o INDEXED BY ix_deliveries_key
                WHERE o.destination = deliveries.destination AND o.ordering_key = deliveries.ordering_key AND o.status < 2) END
            """,
            now, cancellationToken);

    public Task<int> DiscardAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateDeadLetters(filter, "status = 4, completed_at = $now", now, cancellationToken);

    private Task<int> UpdateDeadLetters(DeadLetterFilter filter, string assignments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (filter.IsEmpty)
        {
            return Task.FromResult(0);
        }

        return WriteAsync(static (connection, transaction, state) =>
        {
            var (filter, assignments, now) = state;
            var targets = DeadLetterTargets(connection, transaction, filter);

            // Row by row, oldest first: each row's new state may depend on the rows changed before it.
            using var update = Command(connection, transaction,
                $"""
                UPDATE deliveries SET {assignments}
                WHERE message_seq = $seq AND destination = $destination AND status = 3
                """);
            update.Parameters.AddWithValue("$now", UnixTime.ToMs(now));
            var seq = update.Parameters.AddWithValue("$seq", 0L);
            var destination = update.Parameters.AddWithValue("$destination", "");
            var changed = 0;
            foreach (var (targetSeq, targetDestination) in targets)
            {
                seq.Value = targetSeq;
                destination.Value = targetDestination;
                changed += update.ExecuteNonQuery();
            }

            return changed;
        }, (filter, assignments, now), cancellationToken);
    }

    private static List<(long Seq, string Destination)> DeadLetterTargets(
        SqliteConnection connection, SqliteTransaction transaction, DeadLetterFilter filter)
    {
        var byId = filter.Ids is { Count: > 0 };
        using var select = Command(connection, transaction,
            $"""
            SELECT d.message_seq, d.destination FROM deliveries d
            WHERE d.status = 3
              AND ($destination IS NULL OR d.destination = $destination)
              {(byId ? "AND d.message_seq = (SELECT seq FROM messages WHERE id = $id)" : "")}
            ORDER BY d.message_seq
            """);
        select.Parameters.AddWithValue("$destination", (object?)filter.Destination ?? DBNull.Value);
        var id = select.Parameters.AddWithValue("$id", Guid.Empty);
        var targets = new List<(long, string)>();
        foreach (var messageId in byId ? filter.Ids! : [Guid.Empty])
        {
            id.Value = messageId;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                targets.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        return targets;
    }
}
