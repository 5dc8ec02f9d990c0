using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<NewMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        // Without idempotency keys, ordering keys or a module's rows the whole batch is one statement: one round
        // trip, no transaction.
        var simple = batch.All(m => m.Idempotency is null && m.OrderingKey is null) && !ModuleMigrations.AnyConcerned(_modules, batch);
        return await RunAsync(static (connection, state, ct) => state.Self.AppendBatchAsync(connection, state.Batch, ct),
            (Self: this, Batch: batch), durable: true, transaction: !simple, cancellationToken);
    }

    private async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(NpgsqlConnection connection, IReadOnlyList<NewMessage> batch, CancellationToken ct)
    {
        var results = new AppendResult?[batch.Count];
        await ResolveClaimsAsync(connection, batch, results, ct);
        var toStore = AppendResults.ToStore(batch, results);
        if (toStore.Count > 0 && _modules.Length > 0)
        {
            await ModuleMigrations.NotifyAppendingAsync(_modules, Session(connection), toStore, ct);
        }

        if (toStore.Count > 0)
        {
            var busy = await LockKeysAsync(connection, KeysOf(toStore), ct);
            await InsertAsync(connection, toStore, busy, ct);
        }

        return AppendResults.Complete(results, toStore);
    }

    /// <summary>
    /// Claims each idempotency key before anything is stored, and answers the repeats (see <see cref="BatchIdempotency"/>).
    /// The primary key settles races between nodes: a key claimed in another open transaction makes this insert wait
    /// for it, then yield to it.
    /// </summary>
    private async Task ResolveClaimsAsync(NpgsqlConnection connection, IReadOnlyList<NewMessage> batch, AppendResult?[] results, CancellationToken ct)
    {
        if (BatchIdempotency.Of(batch) is not { } claims)
        {
            return;
        }

        // Sorted, so two nodes claiming overlapping keys take their row locks in the same order.
        var claimants = claims.Claimants.Select(i => batch[i])
            .OrderBy(m => m.Idempotency!.Scope, StringComparer.Ordinal).ThenBy(m => m.Idempotency!.Key, StringComparer.Ordinal)
            .ToList();
        var taken = new HashSet<(string, string)>();
        await using (var insert = Command(connection, _sql.InsertClaims,
            claimants.Select(m => m.Idempotency!.Scope).ToArray(),
            claimants.Select(m => m.Idempotency!.Key).ToArray(),
            claimants.Select(m => m.Idempotency!.RequestHash).ToArray(),
            claimants.Select(m => m.Id).ToArray(),
            claimants.Select(m => m.ReceivedAt.ToUniversalTime()).ToArray()))
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                taken.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var existing = claimants.Where(m => !taken.Contains((m.Idempotency!.Scope, m.Idempotency.Key))).ToList();
        var claimedBefore = new Dictionary<int, ClaimedBefore>();
        if (existing.Count > 0)
        {
            await using var select = Command(connection, _sql.SelectClaims,
                existing.Select(m => m.Idempotency!.Scope).ToArray(),
                existing.Select(m => m.Idempotency!.Key).ToArray());
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                claimedBefore[claims.ClaimantOf(reader.GetString(0), reader.GetString(1))] =
                    new ClaimedBefore((byte[])reader[2], reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4));
            }
        }

        claims.Answer(claimedBefore, results);
    }

    private static IEnumerable<(string Destination, string Key)> KeysOf(IEnumerable<NewMessage> messages) =>
        messages.Where(m => m.OrderingKey is not null)
            .SelectMany(m => m.Destinations.Select(d => (d, m.OrderingKey!)));

    /// <summary>
    /// Takes the advisory lock of each (destination, ordering key) for the rest of the transaction, in a
    /// fixed order, and returns those that already have an unfinished delivery. Whoever finishes a key's
    /// head takes the same lock before promoting the next, so a new message can never miss its promotion.
    /// </summary>
    private async Task<HashSet<(string, string)>> LockKeysAsync(NpgsqlConnection connection, IEnumerable<(string Destination, string Key)> keys, CancellationToken ct)
    {
        var distinct = keys.Distinct().ToList();
        var busy = new HashSet<(string, string)>();
        if (distinct.Count == 0)
        {
            return busy;
        }

        await using (var lockKeys = Command(connection, _sql.LockKeys, distinct.Select(LockId).Distinct().Order().ToArray()))
        {
            await lockKeys.ExecuteNonQueryAsync(ct);
        }

        await using var select = Command(connection, _sql.BusyKeys,
            distinct.Select(k => k.Destination).ToArray(), distinct.Select(k => k.Key).ToArray());
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            busy.Add((reader.GetString(0), reader.GetString(1)));
        }

        return busy;
    }

    /// <summary>A stable 64-bit id for a key's advisory lock, the same on every node.</summary>
    private static long LockId((string Destination, string Key) key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{key.Destination}\u0001{key.Key}"), hash);
        return BitConverter.ToInt64(hash);
    }

    private async Task InsertAsync(NpgsqlConnection connection, List<NewMessage> messages, HashSet<(string, string)> busy, CancellationToken ct)
    {
        var deliveries = messages.Sum(m => m.Destinations.Count);
        var ids = new Guid[deliveries];
        var destinations = new string[deliveries];
        var due = new DateTimeOffset[deliveries];
        var keys = new string?[deliveries];
        var heads = new bool[deliveries];
        var n = 0;
        foreach (var message in messages)
        {
            foreach (var destination in message.Destinations)
            {
                ids[n] = message.Id;
                destinations[n] = destination;
                due[n] = message.ReceivedAt.ToUniversalTime();
                keys[n] = message.OrderingKey;
                // Of a key's messages only the oldest unfinished may be sent; later ones in this batch wait too.
                heads[n] = message.OrderingKey is null || busy.Add((destination, message.OrderingKey));
                n++;
            }
        }

        var touched = string.Join(',', destinations.Distinct(StringComparer.Ordinal));
        await using var insert = Command(connection, _sql.InsertMessages,
            messages.Select(m => m.Id).ToArray(),
            messages.Select(m => m.Kind).ToArray(),
            messages.Select(m => m.ReceivedAt.ToUniversalTime()).ToArray(),
            messages.Select(m => m.ContentType).ToArray(),
            messages.Select(m => MetadataJson.Serialize(m.Metadata)).ToArray(),
            messages.Select(m => m.OrderingKey).ToArray(),
            messages.Select(m => m.Payload.ToArray()).ToArray(),
            ids, destinations, due, keys, heads, touched);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
