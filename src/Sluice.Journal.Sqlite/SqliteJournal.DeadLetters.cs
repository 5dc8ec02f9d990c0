using Microsoft.Data.Sqlite;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public Task<int> ReplayAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateDeadLetters(filter, SqliteSql.Replay, now, cancellationToken);

    public Task<int> DiscardAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateDeadLetters(filter, SqliteSql.Discard, now, cancellationToken);

    private Task<int> UpdateDeadLetters(DeadLetterFilter filter, string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (filter.IsEmpty)
        {
            return Task.FromResult(0);
        }

        return WriteAsync(static (connection, transaction, state) =>
        {
            var (filter, sql, now) = state;
            var targets = DeadLetterTargets(connection, transaction, filter);

            // Row by row, oldest first: each row's new state may depend on the rows changed before it.
            using var update = Command(connection, transaction, sql);
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
        }, (filter, sql, now), cancellationToken);
    }

    private static List<(long Seq, string Destination)> DeadLetterTargets(
        SqliteConnection connection, SqliteTransaction transaction, DeadLetterFilter filter)
    {
        var byId = filter.Ids is { Count: > 0 };
        using var select = Command(connection, transaction, byId ? SqliteSql.DeadLetterTargetsOfMessage : SqliteSql.DeadLetterTargets);
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
