using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken) =>
        WriteAsync(static (connection, transaction, state) =>
        {
            var seqs = new List<long>();
            using (var select = Command(connection, transaction, SqliteSql.Prune))
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
            foreach (var sql in SqliteSql.PruneSeqs)
            {
                using var delete = Command(connection, transaction, sql);
                delete.Parameters.AddWithValue("$seqs", list);
                delete.ExecuteNonQuery();
            }

            return seqs.Count;
        }, (FinishedBefore: finishedBefore, Max: max), cancellationToken, durable: false);
}
