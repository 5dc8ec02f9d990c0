using Npgsql;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public Task<int> ReplayAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        ActOnDeadLettersAsync(filter, now, replay: true, cancellationToken);

    public Task<int> DiscardAsync(DeadLetterFilter filter, DateTimeOffset now, CancellationToken cancellationToken) =>
        ActOnDeadLettersAsync(filter, now, replay: false, cancellationToken);

    private async Task<int> ActOnDeadLettersAsync(DeadLetterFilter filter, DateTimeOffset now, bool replay, CancellationToken cancellationToken)
    {
        if (filter.IsEmpty)
        {
            return 0;
        }

        return await RunAsync(static async (connection, state, ct) =>
        {
            var (self, filter, now, replay) = state;
            var targets = await self.DeadLetterTargetsAsync(connection, filter, ct);
            if (targets.Count == 0)
            {
                return 0;
            }

            if (!replay)
            {
                await using var discard = Command(connection, self._sql.Discard,
                    targets.Select(t => t.Seq).ToArray(), targets.Select(t => t.Destination).ToArray(), now.ToUniversalTime());
                return await discard.ExecuteNonQueryAsync(ct);
            }

            // Row by row, oldest first: whether a replayed letter leads its key depends on the rows replayed before it.
            await self.LockKeysAsync(connection, targets.Where(t => t.Key is not null).Select(t => (t.Destination, t.Key!)), ct);
            var changed = 0;
            foreach (var (seq, destination, _) in targets)
            {
                await using var update = Command(connection, self._sql.Replay, seq, destination, now.ToUniversalTime());
                changed += await update.ExecuteNonQueryAsync(ct);
            }

            return changed;
        }, (Self: this, Filter: filter, Now: now, Replay: replay), durable: true, transaction: true, cancellationToken);
    }

    private async Task<List<(long Seq, string Destination, string? Key)>> DeadLetterTargetsAsync(
        NpgsqlConnection connection, DeadLetterFilter filter, CancellationToken ct)
    {
        var ids = filter.Ids is { Count: > 0 } given ? given.ToArray() : null;
        await using var select = new NpgsqlCommand(_sql.DeadLetterTargets, connection);
        select.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = filter.Destination, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        select.Parameters.Add(new NpgsqlParameter<Guid[]?>
        {
            TypedValue = ids,
            NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid,
        });
        await using var reader = await select.ExecuteReaderAsync(ct);
        var targets = new List<(long, string, string?)>();
        while (await reader.ReadAsync(ct))
        {
            targets.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return targets;
    }
}
