using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    // Oldest first: messages every destination has finished with (delivered or discarded) since before the
    // cut-off. Dead letters stay until an operator acts on them.
    private const string SelectPrunable =
        """
        SELECT m.seq FROM messages m
        WHERE m.received_at < $cutoff AND NOT EXISTS (
            SELECT 1 FROM deliveries d
            WHERE d.message_seq = m.seq AND (d.status NOT IN (2, 4) OR d.completed_at >= $cutoff))
        ORDER BY m.seq
        LIMIT $max
        """;

    public Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken) =>
        WriteAsync(static (connection, transaction, state) =>
        {
            var seqs = new List<long>();
            using (var select = Command(connection, transaction, SelectPrunable))
            {
                select.Parameters.AddWithValue("$cutoff", UnixTime.ToMs(state.FinishedBefore));
                select.Parameters.AddWithValue("$max", state.Max);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    seqs.Add(reader.GetInt64(0));
                }
            }

            if (seqs.Count == 0)
            {
                return 0;
            }

            var list = $"[{string.Join(',', seqs)}]";
            foreach (var sql in (string[])[
                "DELETE FROM deliveries WHERE message_seq IN (SELECT value FROM json_each($seqs))",
                "DELETE FROM replies WHERE message_seq IN (SELECT value FROM json_each($seqs))",
                "DELETE FROM idempotency WHERE message_seq IN (SELECT value FROM json_each($seqs))",
                "DELETE FROM messages WHERE seq IN (SELECT value FROM json_each($seqs))"])
            {
                using var delete = Command(connection, transaction, sql);
                delete.Parameters.AddWithValue("$seqs", list);
                delete.ExecuteNonQuery();
            }

            return seqs.Count;
        }, (FinishedBefore: finishedBefore, Max: max), cancellationToken, durable: false);
}
