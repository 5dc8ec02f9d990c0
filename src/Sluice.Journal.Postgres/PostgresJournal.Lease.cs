using Npgsql;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public async Task<IReadOnlyList<LeasedDelivery>> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxCount <= 0)
        {
            return [];
        }

        return await RunAsync(static async (connection, state, ct) =>
        {
            var (self, request) = state;
            var token = Guid.NewGuid();
            var until = request.Now + request.Duration;
            await using var lease = Command(connection, self._sql.Lease, request.Destination, request.Now.ToUniversalTime(),
                request.MaxCount, until.ToUniversalTime(), token, request.Owner);
            await using var reader = await lease.ExecuteReaderAsync(ct);
            var leased = new List<LeasedDelivery>();
            while (await reader.ReadAsync(ct))
            {
                leased.Add(Rows.Leased(reader, request.Destination, token, until));
            }

            return (IReadOnlyList<LeasedDelivery>)leased;
        }, (Self: this, Request: request), durable: false, transaction: false, cancellationToken);
    }

    public Task CompleteAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync(static async (connection, state, ct) =>
        {
            var (self, outcomes) = state;
            // In row order, so two transactions touching the same rows lock them in the same order.
            var sorted = outcomes.OrderBy(o => o.Sequence).ThenBy(o => o.Destination, StringComparer.Ordinal).ToList();
            var finished = new List<(string Destination, string Key)>();
            var done = new HashSet<(long, string, Guid)>();

            var delivered = sorted.Where(o => o.Kind == OutcomeKind.Delivered).ToList();
            if (delivered.Count > 0)
            {
                await using var command = Command(connection, self._sql.Delivered,
                    delivered.Select(o => o.Sequence).ToArray(),
                    delivered.Select(o => o.Destination).ToArray(),
                    delivered.Select(o => o.At.ToUniversalTime()).ToArray(),
                    delivered.Select(o => o.LeaseToken).ToArray());
                await ReadFinishedAsync(command, finished, done, ct);
            }

            await ApplyLeasedAsync(connection, self._sql.Retry, sorted, OutcomeKind.Retry, null, null, ct);
            await ApplyLeasedAsync(connection, self._sql.Release, sorted, OutcomeKind.Release, null, null, ct);
            await ApplyLeasedAsync(connection, self._sql.Dead, sorted, OutcomeKind.DeadLetter, finished, done, ct);

            // One outcome per delivery finished it, even when the batch holds two for the same one (a repeat).
            var finishing = sorted
                .Where(o => o.Kind is OutcomeKind.Delivered or OutcomeKind.DeadLetter && done.Contains((o.Sequence, o.Destination, o.LeaseToken)))
                .DistinctBy(o => (o.Sequence, o.Destination)).ToList();
            await self.KeepRepliesAsync(connection, finishing.Where(o => o.Reply is not null).ToList(), ct);

            if (finished.Count > 0)
            {
                await self.PromoteNextHeadsAsync(connection, finished, ct);
            }

            // The follow-ups go in with the outcomes that finished their deliveries, or not at all.
            var followUps = finishing.SelectMany(o => o.FollowUps).ToList();
            if (followUps.Count > 0)
            {
                await self.AppendBatchAsync(connection, followUps, ct);
            }

            return 0;
        }, (Self: this, Outcomes: outcomes), durable: false, transaction: true, cancellationToken);
    }

    /// <summary>Applies the outcomes of one kind that only count while their lease is still held.</summary>
    private static async Task ApplyLeasedAsync(
        NpgsqlConnection connection, string sql, List<DeliveryOutcome> outcomes, OutcomeKind kind,
        List<(string, string)>? finished, HashSet<(long, string, Guid)>? done, CancellationToken ct)
    {
        var some = outcomes.Where(o => o.Kind == kind).ToList();
        if (some.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, sql,
            some.Select(o => o.Sequence).ToArray(),
            some.Select(o => o.Destination).ToArray(),
            some.Select(o => o.LeaseToken).ToArray(),
            some.Select(o => (kind == OutcomeKind.DeadLetter ? o.At : o.NextAttemptAt ?? o.At).ToUniversalTime()).ToArray(),
            some.Select(o => o.Error).ToArray());
        if (finished is null || done is null)
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            await ReadFinishedAsync(command, finished, done, ct);
        }
    }

    /// <summary>
    /// Reads the rows an outcome finished: their ordering keys (to promote the next head) and which outcome, by its lease,
    /// finished each (to keep its reply and append its follow-ups).
    /// </summary>
    private static async Task ReadFinishedAsync(
        NpgsqlCommand command, List<(string, string)> finished, HashSet<(long, string, Guid)> done, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            done.Add((reader.GetInt64(2), reader.GetString(0), reader.GetGuid(3)));
            if (!reader.IsDBNull(1))
            {
                finished.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
    }

    private async Task KeepRepliesAsync(NpgsqlConnection connection, List<DeliveryOutcome> answered, CancellationToken ct)
    {
        if (answered.Count == 0)
        {
            return;
        }

        var replies = answered.Select(o => o.Reply!).ToList();
        await using var command = Command(connection, _sql.KeepReplies,
            answered.Select(o => o.Sequence).ToArray(),
            answered.Select(o => o.Destination).ToArray(),
            replies.Select(r => (short)r.Status).ToArray(),
            replies.Select(r => MetadataJson.Serialize(r.Headers)).ToArray(),
            replies.Select(r => r.ContentType).ToArray(),
            replies.Select(r => r.Body.ToArray()).ToArray(),
            replies.Select(r => r.Truncated).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Under the keys' advisory locks (see <see cref="LockKeysAsync"/>), makes each key's oldest unfinished delivery its head.</summary>
    private async Task PromoteNextHeadsAsync(NpgsqlConnection connection, List<(string Destination, string Key)> keys, CancellationToken ct)
    {
        await LockKeysAsync(connection, keys, ct);
        var distinct = keys.Distinct().ToList();
        await using var promote = Command(connection, _sql.PromoteNextHeads,
            distinct.Select(k => k.Destination).ToArray(), distinct.Select(k => k.Key).ToArray());
        await promote.ExecuteNonQueryAsync(ct);
    }
}
