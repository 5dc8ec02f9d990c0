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

        var toStore = new List<NewMessage>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
            {
                toStore.Add(batch[i]);
            }
        }

        if (toStore.Count > 0 && _modules.Length > 0)
        {
            await ModuleMigrations.NotifyAppendingAsync(_modules, Session(connection), toStore, ct);
        }

        if (toStore.Count > 0)
        {
            var busy = await LockKeysAsync(connection, KeysOf(toStore), ct);
            await InsertAsync(connection, toStore, busy, ct);
        }

        // A module may have replaced a message (with what it assigned); the results keep the original order.
        for (int i = 0, j = 0; i < batch.Count; i++)
        {
            results[i] ??= AppendResult.Stored(toStore[j++]);
        }

        return results!;
    }

    /// <summary>
    /// Claims each idempotency key before anything is stored. The primary key settles races between nodes:
    /// a key claimed in another open transaction makes this insert wait for it, then yield to it.
    /// </summary>
    private async Task ResolveClaimsAsync(NpgsqlConnection connection, IReadOnlyList<NewMessage> batch, AppendResult?[] results, CancellationToken ct)
    {
        // The first message with a key in the batch claims it; later ones in the batch are repeats of it.
        var firsts = new Dictionary<(string Scope, string Key), NewMessage>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Idempotency is not { } claim)
            {
                continue;
            }

            if (firsts.TryGetValue((claim.Scope, claim.Key), out var first))
            {
                results[i] = AppendResult.Repeat(claim, first.Idempotency!.RequestHash, first.Id, first.ReceivedAt);
            }
            else
            {
                firsts[(claim.Scope, claim.Key)] = batch[i];
            }
        }

        if (firsts.Count == 0)
        {
            return;
        }

        // Sorted, so two nodes claiming overlapping keys take their row locks in the same order.
        var claims = firsts.OrderBy(f => f.Key.Scope, StringComparer.Ordinal).ThenBy(f => f.Key.Key, StringComparer.Ordinal)
            .Select(f => f.Value).ToList();
        var taken = new HashSet<(string, string)>();
        await using (var insert = Command(connection, _sql.InsertClaims,
            claims.Select(m => m.Idempotency!.Scope).ToArray(),
            claims.Select(m => m.Idempotency!.Key).ToArray(),
            claims.Select(m => m.Idempotency!.RequestHash).ToArray(),
            claims.Select(m => m.Id).ToArray(),
            claims.Select(m => m.ReceivedAt.ToUniversalTime()).ToArray()))
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                taken.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var existing = claims.Where(m => !taken.Contains((m.Idempotency!.Scope, m.Idempotency.Key))).ToList();
        if (existing.Count == 0)
        {
            return;
        }

        var found = new Dictionary<(string, string), AppendResult>();
        await using (var select = Command(connection, _sql.SelectClaims,
            existing.Select(m => m.Idempotency!.Scope).ToArray(),
            existing.Select(m => m.Idempotency!.Key).ToArray()))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var claim = firsts[(reader.GetString(0), reader.GetString(1))].Idempotency!;
                found[(claim.Scope, claim.Key)] = AppendResult.Repeat(claim, (byte[])reader[2], reader.GetGuid(3), reader.GetFieldValue<DateTimeOffset>(4));
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null && batch[i].Idempotency is { } claim && found.TryGetValue((claim.Scope, claim.Key), out var result))
            {
                results[i] = result;
            }
        }
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
