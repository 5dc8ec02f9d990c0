using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public Task<int> ReplayAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateDeadLetters(filter,
            "status = 0, attempts = 0, available_at = $now, completed_at = NULL",
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
            var byId = filter.Ids is { Count: > 0 };
            using var command = Command(connection, transaction,
                $"""
                UPDATE deliveries SET {assignments}
                WHERE status = 3
                  AND ($destination IS NULL OR destination = $destination)
                  {(byId ? "AND message_seq = (SELECT seq FROM messages WHERE id = $id)" : "")}
                """);
            command.Parameters.AddWithValue("$now", UnixTime.ToMs(now));
            command.Parameters.AddWithValue("$destination", (object?)filter.Destination ?? DBNull.Value);
            if (!byId)
            {
                return command.ExecuteNonQuery();
            }

            var id = command.Parameters.AddWithValue("$id", Guid.Empty);
            var changed = 0;
            foreach (var messageId in filter.Ids!)
            {
                id.Value = messageId;
                changed += command.ExecuteNonQuery();
            }

            return changed;
        }, (filter, assignments, now), cancellationToken);
    }
}
